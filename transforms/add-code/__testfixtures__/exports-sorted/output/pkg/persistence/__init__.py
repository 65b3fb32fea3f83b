"""Persistence: engines, sessions and Redis."""

from pkg.persistence.database import (
    get_engine,
    get_session_factory,
    get_sync_engine,
)
from pkg.persistence.redis_client import RedisFactory, get_redis_factory

__all__ = [
    "RedisFactory",
    "get_engine",
    "get_redis_factory",
    "get_session_factory",
    "get_sync_engine",
]
