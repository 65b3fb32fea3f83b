class ConfigurationError(RuntimeError):
    def __init__(self, name: str, hint: str | None = None) -> None:
        super().__init__(f"Missing required configuration: {name}")
        self.name = name
