from __future__ import annotations

from typing import Callable, Dict, List, Optional, Tuple, Union


def handler(
    payload: Dict[str, Optional[List[int]]],
    callback: Callable[..., Optional[int]],
    pairs: List[Tuple[Optional[str], Union[int, float]]],
    on_error: Optional[Callable[[Exception], Optional[bool]]] = None,
) -> Dict[Optional[str], List[Optional[Union[int, str]]]]:
    return {}
