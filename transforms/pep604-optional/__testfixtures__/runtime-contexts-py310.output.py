from typing import cast

MaybeInt = int | None
Number = int | float


def coerce(raw: object) -> int | None:
    if isinstance(raw, int | float):
        return cast(int | None, raw)
    return None
