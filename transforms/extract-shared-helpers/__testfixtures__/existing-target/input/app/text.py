"""Text utilities."""

import unicodedata

_DASH = "-"


def ascii_fold(value: str) -> str:
    return unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
