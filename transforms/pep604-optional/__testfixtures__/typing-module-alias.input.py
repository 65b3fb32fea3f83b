from __future__ import annotations

import os
import typing as t


def home(user: t.Optional[str] = None) -> t.Union[str, os.PathLike]:
    return user or "~"
