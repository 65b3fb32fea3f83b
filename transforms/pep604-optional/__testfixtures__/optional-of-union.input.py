from __future__ import annotations

from typing import Optional, Union


def load(path: Optional[Union[str, bytes]] = None) -> Optional[Union[int, str]]:
    return None
