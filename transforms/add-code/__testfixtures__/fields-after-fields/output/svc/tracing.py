from pydantic_settings import BaseSettings, SettingsConfigDict
from pydantic import Field


class TracingSettings(BaseSettings):
    """OpenTelemetry export."""

    model_config = SettingsConfigDict(env_prefix="OTEL_")

    endpoint: str = "http://localhost:4317"
    service_name: str = "svc"
    sample_rate: float = 1.0
    headers: dict[str, str] = Field(default_factory=dict)

    def exporter_options(self) -> dict[str, str]:
        return {"endpoint": self.endpoint}
