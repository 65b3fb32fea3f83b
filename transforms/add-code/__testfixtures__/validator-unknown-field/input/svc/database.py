from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url  # noqa: F401


class DatabaseSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DATABASE_")

    url: str = "postgresql+asyncpg://app:app@localhost:5432/app"
    sync_url: str | None = None
