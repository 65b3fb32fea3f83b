"""Module a."""

from app.text import clean_whitespace


def greet(name: str) -> str:
    return f"Hello, {clean_whitespace(name)}!"
