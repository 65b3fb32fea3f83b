from __future__ import annotations

from typing import Optional, Union


def convert(value: Union[int, str], default: Optional[Union[int, str]] = None) -> Optional[int]:
    return None
