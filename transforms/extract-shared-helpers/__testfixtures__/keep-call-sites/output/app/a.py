"""Module a."""

from app.text import clean_whitespace as _clean


def greet(name: str) -> str:
    return f"Hello, {_clean(name)}!"
