from __future__ import annotations

import typing


class Settings:
    name: str | None = None
    ports: typing.List[int | str] = []
