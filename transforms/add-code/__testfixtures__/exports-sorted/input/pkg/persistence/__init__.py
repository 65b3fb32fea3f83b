"""Persistence: engines, sessions and Redis."""

from pkg.persistence.database import (
    get_engine,
    get_session_factory,
)

__all__ = [
    "get_engine",
    "get_session_factory",
]
