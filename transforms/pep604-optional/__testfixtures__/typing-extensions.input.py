from __future__ import annotations

from typing_extensions import Annotated, Optional, Union


def limit(n: Annotated[Optional[int], "max"] = None) -> Union[int, float]:
    return n or 0
