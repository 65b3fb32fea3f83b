"""Assets a signed-in user can see."""

from typing import Any, Mapping, Optional

from ..admin_request import encode_cursor, parse_cursor as parse_admin_cursor, query_value

PAGE_SIZE = 50


def parse_cursor(event: Mapping[str, Any]) -> Optional[str]:
    """The user listing's cursor: the admin cursor, or the legacy `after` parameter."""
    legacy = query_value(event, "after")
    if legacy:
        return legacy
    return parse_admin_cursor(query_value(event, "cursor"))


def list_user_assets(event: Mapping[str, Any], assets: list[dict]) -> dict:
    after = parse_cursor(event)
    start = 0
    if after is not None:
        start = next((i + 1 for i, a in enumerate(assets) if a["id"] == after), len(assets))
    page = assets[start : start + PAGE_SIZE]
    more = start + PAGE_SIZE < len(assets)
    return {"items": page, "next_cursor": encode_cursor(page[-1]["id"]) if more and page else None}
