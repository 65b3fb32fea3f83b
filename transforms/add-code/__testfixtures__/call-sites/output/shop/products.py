from __future__ import annotations

from typing import Any

from shop.common import page_response


def list_products(rows: list[dict[str, Any]], limit: int) -> dict[str, Any]:
    if limit < 1:
        raise ValueError("limit must be positive")
    # Fetch one more than the page to know whether there is a next page.
    return page_response(rows, limit, "name")
