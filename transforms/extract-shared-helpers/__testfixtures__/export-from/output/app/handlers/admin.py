from app.auth import identity_from_event
from app.auth.tokens import bearer_token


def handle(event: dict) -> dict:
    token = bearer_token(event.get("headers") or {})
    return {"token": token, "identity": identity_from_event(event)}
