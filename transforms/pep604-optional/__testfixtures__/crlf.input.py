from __future__ import annotations

from typing import Dict, Optional, Union


def headers(raw: Optional[Dict[str, str]] = None) -> Union[Dict[str, str], None]:
    return raw or {}
