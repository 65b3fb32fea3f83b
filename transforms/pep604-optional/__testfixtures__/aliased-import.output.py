from __future__ import annotations


def pick(a: int | None, b: int | str) -> int | str | None:
    return None
