from __future__ import annotations

from typing import Optional, cast


def parse(raw: object) -> Optional[int]:
    return cast(Optional[int], raw)
