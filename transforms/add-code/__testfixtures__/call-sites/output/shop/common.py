"""Helpers shared by the listing endpoints."""

from __future__ import annotations

from typing import Any


def respond(status: int, body: dict[str, Any]) -> dict[str, Any]:
    return {"statusCode": status, "body": body}


def page_response(rows, limit, key):
    page = rows[:limit]
    more = len(rows) > limit
    return respond(200, {"items": [row[key] for row in page], "more": more})
