from __future__ import annotations

from typing import Optional

from sqlalchemy.orm import Mapped


class Row:
    owner: Mapped[Optional["Owner"]]
    size: Mapped[Optional[int]]


class Owner:
    name: Optional[str]
