from __future__ import annotations

from typing_extensions import Annotated


def limit(n: Annotated[int | None, "max"] = None) -> int | float:
    return n or 0
