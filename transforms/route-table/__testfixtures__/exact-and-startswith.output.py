"""Exports for the finance team (``GET /exports/...``), as CSV or JSON."""

from app.api.lambda_support import respond
from app.auth import require_finance
from app.exports import invoices_export, list_exports, payouts_export, vat_export

FORMATS = ("csv", "json")


# Routes, tried in order: "exact" matches the path, "startswith" any path that starts with it.
_ROUTES = (
    ("/exports", "exact", lambda event, query, fmt: list_exports(event)),
    ("/exports/", "exact", lambda event, query, fmt: list_exports(event)),
    ("/exports/invoices", "startswith", invoices_export),
    (
        "/exports/payouts",
        "startswith",
        lambda event, query, fmt: payouts_export(event, fmt),
    ),
    (
        "/exports/vat",
        "exact",
        lambda event, query, fmt: vat_export(event, query.get("quarter"), fmt),
    ),
)


def lambda_handler(event, context):
    require_finance(event)
    query = event.get("queryStringParameters") or {}
    fmt = (query.get("format") or "csv").lower()
    if fmt not in FORMATS:
        return respond(400, {"error": f"Unsupported format: {fmt}"}, event=event)

    for route, kind, handler in _ROUTES:
        if event["path"] == route or (kind == "startswith" and event["path"].startswith(route)):
            return handler(event, query, fmt)
    return respond(404, {"error": "Unknown export"}, event=event)
