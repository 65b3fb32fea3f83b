"""Refunds API."""

from typing import Any

from api.auth import bearer_token


def _header(headers: dict[str, Any] | None, name: str) -> str:
    wanted = name.lower()
    for key, value in (headers or {}).items():
        if key.lower() == wanted:
            return str(value)
    return ""


def refund(event: dict[str, Any]) -> dict[str, Any]:
    headers = event.get("headers")
    return {"token": bearer_token(headers), "reason": _header(headers, "X-Reason")}
