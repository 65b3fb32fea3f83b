"""Table-side tablet API (REST API behind the device authorizer)."""

from app.api import lambda_support as support
from app.services import orders


def handle_tablet_request(event, context=None):
    support.log_request(event, context, "tablet")
    method = str(event.get("httpMethod") or "GET").upper()
    path = (event.get("path") or "/").rstrip("/") or "/"
    table_id = ((event.get("requestContext") or {}).get("authorizer") or {}).get("tableId")
    if not table_id:
        return support.respond(401, {"error": "Unknown table"}, event=event)
    if method == "OPTIONS":
        return support.respond(204, None, event=event)

    if (method, path) == ("GET", "/tablet/menu"):
        return orders.menu(event, table_id)
    elif (method, path) == ("POST", "/tablet/orders"):
        return orders.place(event, table_id, support.json_body(event))
    elif (method, path) in (("GET", "/tablet/status"), ("HEAD", "/tablet/status")):
        return orders.status(event, table_id, head=method == "HEAD")
    elif method == "GET" and path.startswith("/tablet/orders/"):
        return orders.order(event, path.rsplit("/", 1)[-1])
    return support.respond(404, {"error": "Not found"}, event=event)
