from __future__ import annotations

from typing import Optional

from sqlalchemy.orm import Mapped, relationship

from app.db import Base


class Order(Base):
    __tablename__ = "orders"

    customer: Mapped[Optional["Customer"]] = relationship(back_populates="orders")
    note: Mapped[Optional[str]]
