"""Module b."""

from app.text import clean_whitespace as _clean


def title(text: str) -> str:
    return _clean(text).title()
