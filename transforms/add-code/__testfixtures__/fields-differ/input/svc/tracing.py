from pydantic_settings import BaseSettings, SettingsConfigDict


class TracingSettings(BaseSettings):
    """OpenTelemetry export."""

    model_config = SettingsConfigDict(env_prefix="OTEL_")

    endpoint: str = "http://localhost:4317"
    service_name: str = "svc"

    def exporter_options(self) -> dict[str, str]:
        return {"endpoint": self.endpoint}
