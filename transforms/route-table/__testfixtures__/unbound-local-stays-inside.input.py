from app.api.lambda_support import respond
from app.services import reports


def handler(event, context):
    if event.get("queryStringParameters"):
        month = event["queryStringParameters"].get("month")
    if event["resource"] == "/reports/monthly":
        return reports.monthly(event, month)
    elif event["resource"] == "/reports/daily":
        return reports.daily(event)
    return respond(404, {"error": "Unknown report"}, event=event)
