import os

from web.errors import ConfigurationError


def require_env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise ConfigurationError(name)
    return value
