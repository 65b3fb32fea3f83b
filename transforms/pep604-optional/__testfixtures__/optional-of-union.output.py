from __future__ import annotations


def load(path: str | bytes | None = None) -> int | str | None:
    return None
