"""Audit helpers (naïve café — non-ASCII keeps offsets honest)."""

from __future__ import annotations

import contextvars
import enum
import logging
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID as UUIDType
from uuid import uuid4

from sqlalchemy import select

from app.db.models import Base


def serialize(entity):
    value = getattr(entity, "value", None)
    if isinstance(value, (enum.Enum, Decimal, UUIDType)):
        return str(value)
    return value
