"""Module b."""

from app.text import clean_whitespace


def title(text: str) -> str:
    return clean_whitespace(text).title()
