from __future__ import annotations

from typing import Optional, Union


def parent(node: "Optional[Node]") -> "Union[Node, Tree]":
    ...


def child(node: int | None) -> None:
    ...
