from __future__ import annotations

from typing import Any

from shop.common import respond


def list_products(rows: list[dict[str, Any]], limit: int) -> dict[str, Any]:
    if limit < 1:
        raise ValueError("limit must be positive")
    # Fetch one more than the page to know whether there is a next page.
    page = rows[:limit]
    more = len(rows) > limit
    body = {"items": [row["name"] for row in page], "more": more}
    return respond(200, body)
