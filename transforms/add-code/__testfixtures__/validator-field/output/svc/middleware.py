"""Middleware contributions, applied in priority order (lowest outermost)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, field_validator

DEFAULT_PRIORITY = 250


class MiddlewareContribution(BaseModel):
    middleware_class: Any
    priority: int = DEFAULT_PRIORITY
    name: str | None = None

    @field_validator("priority")
    @classmethod
    def _check_priority(cls, value: int) -> int:
        if not 0 <= value <= 299:
            raise ValueError(f"priority must satisfy 0 <= priority <= 299, got {value!r}")
        return value
