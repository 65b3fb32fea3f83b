"""Table-side tablet API (REST API behind the device authorizer)."""

from app.api import lambda_support as support
from app.services import orders


# Routes, tried in order: "exact" matches the path, "startswith" any path that starts with it.
_ROUTES = (
    (
        "GET",
        "/tablet/menu",
        "exact",
        lambda event, table_id, method, path: orders.menu(event, table_id),
    ),
    (
        "POST",
        "/tablet/orders",
        "exact",
        lambda event, table_id, method, path: orders.place(event, table_id, support.json_body(event)),
    ),
    (
        "GET",
        "/tablet/status",
        "exact",
        lambda event, table_id, method, path: orders.status(event, table_id, head=method == "HEAD"),
    ),
    (
        "HEAD",
        "/tablet/status",
        "exact",
        lambda event, table_id, method, path: orders.status(event, table_id, head=method == "HEAD"),
    ),
    (
        "GET",
        "/tablet/orders/",
        "startswith",
        lambda event, table_id, method, path: orders.order(event, path.rsplit("/", 1)[-1]),
    ),
)


def handle_tablet_request(event, context=None):
    support.log_request(event, context, "tablet")
    method = str(event.get("httpMethod") or "GET").upper()
    path = (event.get("path") or "/").rstrip("/") or "/"
    table_id = ((event.get("requestContext") or {}).get("authorizer") or {}).get("tableId")
    if not table_id:
        return support.respond(401, {"error": "Unknown table"}, event=event)
    if method == "OPTIONS":
        return support.respond(204, None, event=event)

    for route_method, route, kind, handler in _ROUTES:
        if method == route_method and (path == route or (kind == "startswith" and path.startswith(route))):
            return handler(event, table_id, method, path)
    return support.respond(404, {"error": "Not found"}, event=event)
