from __future__ import annotations

from typing import Dict


def headers(raw: Dict[str, str] | None = None) -> Dict[str, str] | None:
    return raw or {}
