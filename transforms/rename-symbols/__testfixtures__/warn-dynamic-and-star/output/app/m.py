__all__ = ["build"]


def build():
    return 1
