"""Supplier catalogue feed (HTTP API, payload format 2.0)."""

from app.api.lambda_support import respond
from app.feeds import catalogue_v1, catalogue_v2, item_v2


# Routes, tried in order: "exact" matches the path, "startswith" any path that starts with it.
_ROUTES = (
    (
        "/supplier/v1/catalogue",
        "exact",
        lambda event, query, path: catalogue_v1(event, query),
    ),
    (
        "/supplier/v2/catalogue",
        "exact",
        lambda event, query, path: catalogue_v2(event, query),
    ),
    (
        "/supplier/v2/catalogue/",
        "startswith",
        lambda event, query, path: item_v2(event, path[len("/supplier/v2/catalogue/") :]),
    ),
    (
        "/supplier/ping",
        "exact",
        lambda event, query, path: respond(200, {"ok": True}, event=event),
    ),
    (
        "/supplier/v2/ping",
        "exact",
        lambda event, query, path: respond(200, {"ok": True}, event=event),
    ),
)


def handle_supplier_request(event, context=None):
    http = (event.get("requestContext") or {}).get("http") or {}
    method = http.get("method") or event.get("httpMethod") or "GET"
    if method not in ("GET", "HEAD"):
        return respond(405, {"error": "Method not allowed"}, event=event)

    query = event.get("queryStringParameters") or {}
    path = event.get("rawPath") or event["path"]
    for route, kind, handler in _ROUTES:
        if path == route or (kind == "startswith" and path.startswith(route)):
            return handler(event, query, path)
    return respond(404, {"error": "Not found"}, event=event)
