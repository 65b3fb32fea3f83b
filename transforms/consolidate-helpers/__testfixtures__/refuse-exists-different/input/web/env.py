import os

from web.errors import ConfigurationError


def require_env(name: str) -> str:
    value = os.environ.get(name)
    if value is None:
        raise ConfigurationError(name)
    return value
