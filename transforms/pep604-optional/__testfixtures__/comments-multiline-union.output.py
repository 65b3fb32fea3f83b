from __future__ import annotations


def route(
    target: (
        str  # a path
        | bytes  # raw bytes
        | int
    ),
    fallback: (
        str  # nothing means "use the default"
        | None
    ) = None,
) -> None:
    ...
