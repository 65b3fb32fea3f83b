from typing import Literal

ARGS = (int | None).__args__
MEMBERS = (int | str).__args__
NEGATED = ~(int | None) if False else None
CHOICE = (Literal["a"] if True else Literal["b"]) | None
LISTED = [int | str, bytes | None]
