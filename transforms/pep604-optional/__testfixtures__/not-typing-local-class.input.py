from __future__ import annotations


class Optional:
    """A configuration value that may be absent."""

    def __class_getitem__(cls, item):
        return cls


def setting(name: str) -> Optional[int]:
    return Optional[int]()
