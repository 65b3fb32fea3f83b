"""Per-user endpoints: never cached by shared caches."""


def _cache_headers(max_age: int, private: bool = False) -> dict[str, str]:
    """Cache-Control for a response."""
    headers = {"Cache-Control": f"max-age={max_age}"}
    return headers


def profile() -> dict[str, str]:
    return _cache_headers(
        60,
        private=True,
    )


def settings() -> dict[str, str]:
    return {**_cache_headers(0), "Vary": "Cookie"}
