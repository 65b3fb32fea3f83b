__all__ = ["make"]


def make():
    return 1
