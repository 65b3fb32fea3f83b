"""User assets: handlers annotated with dict[str, object] (this docstring stays)."""

from __future__ import annotations

from typing import Any, Mapping


def handle(event: Mapping[str, Any], method: str) -> dict[str, Any]:
    # dict[str, object] in a comment is not code
    body: dict[str, Any] = {"schema": "dict[str, object]"}
    pages: list[dict[str, Any]] = []
    body["pages"] = pages
    return body


def count(dict: dict[str, int]) -> int:
    # `dict` is a parameter here: dict[str, object] below is a subscript of it
    return len(dict[str, object]) if dict else 0
