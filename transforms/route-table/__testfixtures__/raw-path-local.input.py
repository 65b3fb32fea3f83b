"""Supplier catalogue feed (HTTP API, payload format 2.0)."""

from app.api.lambda_support import respond
from app.feeds import catalogue_v1, catalogue_v2, item_v2


def handle_supplier_request(event, context=None):
    http = (event.get("requestContext") or {}).get("http") or {}
    method = http.get("method") or event.get("httpMethod") or "GET"
    if method not in ("GET", "HEAD"):
        return respond(405, {"error": "Method not allowed"}, event=event)

    query = event.get("queryStringParameters") or {}
    path = event.get("rawPath") or event["path"]
    if path == "/supplier/v1/catalogue":
        return catalogue_v1(event, query)
    elif path == "/supplier/v2/catalogue":
        return catalogue_v2(event, query)
    elif path.startswith("/supplier/v2/catalogue/"):
        return item_v2(event, path[len("/supplier/v2/catalogue/") :])
    elif path in ("/supplier/ping", "/supplier/v2/ping"):
        return respond(200, {"ok": True}, event=event)
    return respond(404, {"error": "Not found"}, event=event)
