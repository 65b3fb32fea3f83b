from __future__ import annotations


def parse(raw: str | bytes) -> int | float | complex:
    ...


def widest(a: int | str | bytes | None) -> None | int:
    ...
