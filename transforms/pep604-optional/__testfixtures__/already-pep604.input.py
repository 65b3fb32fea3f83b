from __future__ import annotations

from typing import Optional


def f(x: int | None, y: str | bytes = b"") -> dict[str, int | None]:
    """Optional[int] in a docstring is not code."""
    # Optional[int] in a comment is not code either.
    return {}
