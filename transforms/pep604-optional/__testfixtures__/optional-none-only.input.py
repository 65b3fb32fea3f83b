from __future__ import annotations

from typing import Optional


def nothing() -> Optional[None]:
    return None
