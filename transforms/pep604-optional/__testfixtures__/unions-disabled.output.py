from __future__ import annotations

from typing import Union


def convert(value: Union[int, str], default: Union[int, str] | None = None) -> int | None:
    return None
