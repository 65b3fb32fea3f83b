from app.api import admin_request
from app.api.admin_request import _encode_cursor


def list_public_assets(event, assets):
    cursor = admin_request._parse_cursor(admin_request.query_value(event, "cursor"))
    visible = [a for a in assets if a.get("public")]
    if cursor is not None:
        visible = [a for a in visible if a["id"] > cursor]
    return {"items": visible[:20], "next_cursor": _encode_cursor(visible[19]["id"]) if len(visible) > 20 else None}
