"""Module."""

from __future__ import annotations

import time


def stamp() -> float:
    """Now."""

    return time.time()
