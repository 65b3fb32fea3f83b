"""Engines for the store: async for requests, sync for the nightly jobs."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy import create_engine
from sqlalchemy.ext.asyncio import create_async_engine


class StoreSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="STORE_")

    url: str = "postgresql+asyncpg://store@localhost/store"
    async_pool_size: int = 10
    async_max_overflow: int = 5
    sync_pool_size: int = 3
    sync_max_overflow: int = 2
    pool_timeout: int = 30


def get_engine():
    settings = StoreSettings()
    return create_async_engine(settings.url, pool_size=settings.async_pool_size, max_overflow=settings.async_max_overflow, echo=False, pool_timeout=settings.pool_timeout)


def get_sync_engine():
    settings = StoreSettings()
    return create_engine(
        settings.url.replace("+asyncpg", ""),
        pool_size=settings.sync_pool_size,
        max_overflow=settings.sync_max_overflow,
        pool_timeout=settings.pool_timeout,
    )
