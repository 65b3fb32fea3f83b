"""Tags."""

from app.text import slugify
_DASH = "-"
MAX_TAG = 30


def tag_key(tag: str) -> str:
    return slugify(tag)[:MAX_TAG].rstrip(_DASH)
