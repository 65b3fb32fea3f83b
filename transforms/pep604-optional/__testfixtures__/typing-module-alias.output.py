from __future__ import annotations

import os


def home(user: str | None = None) -> str | os.PathLike:
    return user or "~"
