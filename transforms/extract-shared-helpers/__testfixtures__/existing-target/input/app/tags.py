"""Tags."""

import re

from app.text import ascii_fold

_NON_WORD = re.compile(r"[^a-z0-9]+")
_DASH = "-"
MAX_TAG = 30


def _slug(title: str) -> str:
    return _NON_WORD.sub(_DASH, ascii_fold(title).lower()).strip(_DASH)


def tag_key(tag: str) -> str:
    return _slug(tag)[:MAX_TAG].rstrip(_DASH)
