"""Orders API."""

from typing import Any

from api.auth import bearer_token


def list_orders(event: dict[str, Any]) -> dict[str, Any]:
    return {"token": bearer_token(event.get("headers"))}
