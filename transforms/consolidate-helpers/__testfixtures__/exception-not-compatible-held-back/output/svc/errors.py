class SettingsError(ValueError):
    """A setting is missing or malformed (a deployment bug)."""

    def __init__(self, name: str) -> None:
        super().__init__(f"setting {name} is missing or invalid")
        self.name = name
