"""Service settings, read from ``SVC_*`` environment variables."""

from __future__ import annotations

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class CORSSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SVC_CORS_")

    allow_origins: list[str] = Field(default_factory=lambda: ["*"])
    allow_credentials: bool = False
    # Seconds browsers may cache a preflight answer.
    max_age: int = 600

    @model_validator(mode="after")
    def _check_allow_credentials_and_allow_origins(self) -> CORSSettings:
        if self.allow_credentials and self.allow_origins == ["*"]:
            raise ValueError("allow_credentials and allow_origins == ['*'] is not allowed")
        return self

    @property
    def wildcard(self) -> bool:
        return self.allow_origins == ["*"]
