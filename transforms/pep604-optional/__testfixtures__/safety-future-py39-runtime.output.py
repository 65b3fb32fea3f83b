from __future__ import annotations

from typing import Optional, Union, cast

MaybeInt = Optional[int]
Number = Union[int, float]


def coerce(raw: object) -> int | None:
    if isinstance(raw, Union[int, float]):
        return cast(Optional[int], raw)
    return None
