from __future__ import annotations


def find(name: str | None = None) -> int | None:
    return None
