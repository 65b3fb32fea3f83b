from __future__ import annotations

from typing import Union, get_origin


def is_union(tp: object) -> bool:
    return get_origin(tp) is Union


def unwrap(tp: type | None) -> type | None:
    return tp
