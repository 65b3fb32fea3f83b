"""Module a."""

from __future__ import annotations


def _first(items: list[str]) -> str | None:
    return items[0] if items else None


def use_a(items: list[str]) -> str | None:
    return _first(items)
