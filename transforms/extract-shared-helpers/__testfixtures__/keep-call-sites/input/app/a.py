"""Module a."""

import re

_SPACES = re.compile(r"\s+")


def _clean(value: str) -> str:
    """Collapse whitespace."""
    return _SPACES.sub(" ", value).strip()


def greet(name: str) -> str:
    return f"Hello, {_clean(name)}!"
