"""Helpers shared by the handlers."""

import os

from svc.util.text import slugify
from svc.errors import ConfigurationError

__all__ = ["require_env", "slugify"]


def require_env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise ConfigurationError(name)
    return value
