def lookup(key: str, default: str | None = None) -> str | None:
    value: str | None = None
    return value or default
