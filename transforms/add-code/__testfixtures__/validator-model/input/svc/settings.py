"""Service settings, read from ``SVC_*`` environment variables."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class CORSSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SVC_CORS_")

    allow_origins: list[str] = Field(default_factory=lambda: ["*"])
    allow_credentials: bool = False
    # Seconds browsers may cache a preflight answer.
    max_age: int = 600

    @property
    def wildcard(self) -> bool:
        return self.allow_origins == ["*"]
