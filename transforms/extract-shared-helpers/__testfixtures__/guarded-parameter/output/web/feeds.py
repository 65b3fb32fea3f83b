"""The feeds endpoints."""

from web.caching import cache_control_headers


def feeds_index() -> dict[str, str]:
    return cache_control_headers(300)
