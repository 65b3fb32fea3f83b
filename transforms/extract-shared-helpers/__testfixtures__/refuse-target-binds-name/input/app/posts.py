"""Blog posts."""

import re

from app.text import ascii_fold

_NON_WORD = re.compile(r"[^a-z0-9]+")
_DASH = "-"


def _slug(title: str) -> str:
    return _NON_WORD.sub(_DASH, ascii_fold(title).lower()).strip(_DASH)


def post_url(title: str) -> str:
    return f"/posts/{_slug(title)}"
