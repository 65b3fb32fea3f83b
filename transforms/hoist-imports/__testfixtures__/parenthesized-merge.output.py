from typing import (
    Any,
    Optional,
    cast,
)


def f(x: Any) -> Optional[int]:
    return cast(int, x)
