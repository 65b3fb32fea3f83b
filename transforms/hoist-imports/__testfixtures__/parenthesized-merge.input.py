from typing import (
    Any,
    Optional,
)


def f(x: Any) -> Optional[int]:
    from typing import cast

    return cast(int, x)
