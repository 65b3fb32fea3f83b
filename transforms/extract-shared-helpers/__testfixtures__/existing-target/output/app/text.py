"""Text utilities."""

import unicodedata
import re

_NON_WORD = re.compile(r"[^a-z0-9]+")

_DASH = "-"


def ascii_fold(value: str) -> str:
    return unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")


def slugify(title: str) -> str:
    return _NON_WORD.sub(_DASH, ascii_fold(title).lower()).strip(_DASH)
