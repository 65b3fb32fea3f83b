from __future__ import annotations

from typing import Optional, Union, get_origin


def is_union(tp: object) -> bool:
    return get_origin(tp) is Union


def unwrap(tp: Optional[type]) -> Union[type, None]:
    return tp
