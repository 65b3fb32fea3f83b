from typing import Optional


def lookup(key: str, default: Optional[str] = None) -> Optional[str]:
    value: Optional[str] = None
    return value or default
