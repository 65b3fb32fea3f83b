from app.api.lambda_support import respond
from app.services import reports


def handler(event, context):
    if event.get("queryStringParameters"):
        month = event["queryStringParameters"].get("month")
    # Routes, tried in order; each matches its path exactly.
    routes = (
        ("/reports/monthly", lambda: reports.monthly(event, month)),
        ("/reports/daily", lambda: reports.daily(event)),
    )
    for route, route_handler in routes:
        if event["resource"] == route:
            return route_handler()
    return respond(404, {"error": "Unknown report"}, event=event)
