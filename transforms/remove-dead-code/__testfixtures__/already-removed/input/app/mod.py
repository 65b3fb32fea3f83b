def visible() -> int:
    return 1
