"""Refunds API."""

from typing import Any

_PREFIX = "bearer "


def _header(headers: dict[str, Any] | None, name: str) -> str:
    wanted = name.lower()
    for key, value in (headers or {}).items():
        if key.lower() == wanted:
            return str(value)
    return ""


def _token(headers: dict[str, Any] | None) -> str | None:
    value = _header(headers, "Authorization").strip()
    if value.lower().startswith(_PREFIX):
        return value[len(_PREFIX) :].strip() or None
    return value or None


def refund(event: dict[str, Any]) -> dict[str, Any]:
    headers = event.get("headers")
    return {"token": _token(headers), "reason": _header(headers, "X-Reason")}
