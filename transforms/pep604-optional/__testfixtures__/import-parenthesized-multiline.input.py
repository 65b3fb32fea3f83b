from __future__ import annotations

from typing import (
    Any,
    Dict,
    Optional,
    Union,
)


def merge(a: Dict[str, Any], b: Optional[Dict[str, Any]]) -> Union[Dict[str, Any], None]:
    return a
