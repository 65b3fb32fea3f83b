"""The feeds endpoints."""


def _cache_headers(max_age: int, private: bool = False) -> dict[str, str]:
    """Cache-Control for a response."""
    headers = {"Cache-Control": f"max-age={max_age}"}
    if max_age > 0 and not private:
        # Shared caches (the CDN) may keep the response too.
        headers["Cache-Control"] += ", public"
    return headers


def feeds_index() -> dict[str, str]:
    return _cache_headers(300)
