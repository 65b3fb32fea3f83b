"""Shared helpers, extracted from:

- web/pages.py
- web/feeds.py
- web/account.py
"""


def cache_control_headers(max_age: int, private: bool = False, allow_shared: bool = True) -> dict[str, str]:
    """Cache-Control for a response."""
    headers = {"Cache-Control": f"max-age={max_age}"}
    if allow_shared and max_age > 0 and not private:
        # Shared caches (the CDN) may keep the response too.
        headers["Cache-Control"] += ", public"
    return headers
