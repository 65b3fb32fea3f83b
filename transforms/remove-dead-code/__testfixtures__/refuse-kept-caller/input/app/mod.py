__all__ = ["visible", "_exported"]


def _helper() -> int:
    return 1


def _exported() -> int:
    return 2


def visible() -> int:
    return _helper() + 1
