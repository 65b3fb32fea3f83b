from __future__ import annotations

from typing import Callable, Dict, List, Tuple


def handler(
    payload: Dict[str, List[int] | None],
    callback: Callable[..., int | None],
    pairs: List[Tuple[str | None, int | float]],
    on_error: Callable[[Exception], bool | None] | None = None,
) -> Dict[str | None, List[int | str | None]]:
    return {}
