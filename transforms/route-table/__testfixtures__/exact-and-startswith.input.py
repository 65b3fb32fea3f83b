"""Exports for the finance team (``GET /exports/...``), as CSV or JSON."""

from app.api.lambda_support import respond
from app.auth import require_finance
from app.exports import invoices_export, list_exports, payouts_export, vat_export

FORMATS = ("csv", "json")


def lambda_handler(event, context):
    require_finance(event)
    query = event.get("queryStringParameters") or {}
    fmt = (query.get("format") or "csv").lower()
    if fmt not in FORMATS:
        return respond(400, {"error": f"Unsupported format: {fmt}"}, event=event)

    if event["path"] in ("/exports", "/exports/"):
        return list_exports(event)
    elif event["path"].startswith("/exports/invoices"):
        return invoices_export(event, query, fmt)
    elif event["path"].startswith("/exports/payouts"):
        return payouts_export(event, fmt)
    elif event["path"] == "/exports/vat":
        return vat_export(event, query.get("quarter"), fmt)
    return respond(404, {"error": "Unknown export"}, event=event)
