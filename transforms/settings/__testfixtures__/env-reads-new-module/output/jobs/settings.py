"""Settings of this package (environment variables prefixed ``JOBS_``)."""

from pydantic_settings import BaseSettings, SettingsConfigDict


class JobSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="JOBS_")

    redis_url: str = "redis://localhost:6379/1"
    result_ttl: int = 3600
    queue: str = "default"
