import os

HANDLERS: dict[str, str] = {"ping": "pong"}


def webhook_secret() -> str:
    return _require_env("WEBHOOK_SECRET")


def _require_env(name):
    value = os.environ.get(name)
    if not value:
        raise RuntimeError(f"{name} is required")
    return value
