from app.auth import identity_from_event


def _bearer(headers: dict[str, str]) -> str | None:
    value = headers.get("authorization", "")
    return value[7:] if value.lower().startswith("bearer ") else None


def handle(event: dict) -> dict:
    token = _bearer(event.get("headers") or {})
    return {"token": token, "identity": identity_from_event(event)}
