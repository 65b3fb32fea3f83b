from __future__ import annotations

from typing import Optional, cast


def parse(raw: object) -> int | None:
    return cast(Optional[int], raw)
