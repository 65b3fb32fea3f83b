from __future__ import annotations

from typing import Union


def parse(raw: Union[str, bytes]) -> Union[int, float, complex]:
    ...


def widest(a: Union[int, str, bytes, None]) -> Union[None, int]:
    ...
