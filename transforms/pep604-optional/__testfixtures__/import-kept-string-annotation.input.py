from __future__ import annotations

from typing import Optional


def first(items: list[int]) -> Optional[int]:
    return items[0] if items else None


def later(node: "Optional[Node]") -> None:
    ...
