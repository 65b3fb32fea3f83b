"""Middleware contributions, applied in priority order (lowest outermost)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

DEFAULT_PRIORITY = 250


class MiddlewareContribution(BaseModel):
    middleware_class: Any
    priority: int = DEFAULT_PRIORITY
    name: str | None = None
