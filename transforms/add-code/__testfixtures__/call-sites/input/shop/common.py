"""Helpers shared by the listing endpoints."""

from __future__ import annotations

from typing import Any


def respond(status: int, body: dict[str, Any]) -> dict[str, Any]:
    return {"statusCode": status, "body": body}
