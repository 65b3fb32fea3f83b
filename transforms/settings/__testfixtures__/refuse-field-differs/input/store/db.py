"""Engines for the store: async for requests, sync for the nightly jobs."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy import create_engine
from sqlalchemy.ext.asyncio import create_async_engine


class StoreSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="STORE_")

    url: str = "postgresql+asyncpg://store@localhost/store"


def get_engine():
    settings = StoreSettings()
    return create_async_engine(settings.url, pool_size=20, max_overflow=10, echo=False)


def get_sync_engine():
    settings = StoreSettings()
    return create_engine(
        settings.url.replace("+asyncpg", ""),
        pool_size=5,
        max_overflow=5,
    )
