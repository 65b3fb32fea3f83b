"""Per-user endpoints: never cached by shared caches."""

from web.caching import cache_control_headers


def profile() -> dict[str, str]:
    return cache_control_headers(
        60,
        private=True,
        allow_shared=False,
    )


def settings() -> dict[str, str]:
    return {**cache_control_headers(0, allow_shared=False), "Vary": "Cookie"}
