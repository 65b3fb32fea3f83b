"""The pages endpoints."""

from web.caching import cache_control_headers


def pages_index() -> dict[str, str]:
    return cache_control_headers(300)
