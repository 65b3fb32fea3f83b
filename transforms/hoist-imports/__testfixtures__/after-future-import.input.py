"""Module."""

from __future__ import annotations


def stamp() -> float:
    """Now."""
    import time

    return time.time()
