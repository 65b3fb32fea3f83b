from __future__ import annotations

import typing


class Settings:
    name: typing.Optional[str] = None
    ports: typing.List[typing.Union[int, str]] = []
