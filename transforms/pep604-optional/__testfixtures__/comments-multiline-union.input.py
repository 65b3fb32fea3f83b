from __future__ import annotations

from typing import Optional, Union


def route(
    target: Union[
        str,  # a path
        bytes,  # raw bytes
        int,
    ],
    fallback: Optional[  # nothing means "use the default"
        str
    ] = None,
) -> None:
    ...
