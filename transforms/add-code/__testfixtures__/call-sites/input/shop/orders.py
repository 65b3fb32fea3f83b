from __future__ import annotations

from typing import Any

from shop.common import respond


def list_orders(rows: list[dict[str, Any]], limit: int) -> dict[str, Any]:
    page = rows[:limit]
    more = len(rows) > limit
    return respond(200, {"items": [row["id"] for row in page], "more": more, "total": len(rows)})
