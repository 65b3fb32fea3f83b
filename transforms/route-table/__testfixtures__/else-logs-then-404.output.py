"""Staff rota API (REST API resources under ``/rota``)."""

import logging

from app.api.lambda_support import respond
from app.rota import shifts_for_day, shifts_for_person, swap_requests

logger = logging.getLogger(__name__)


# Routes, tried in order; each matches its path exactly.
_ROUTES = (
    (
        "/rota/day/{day}",
        lambda event, query: shifts_for_day(event["pathParameters"]["day"], query),
    ),
    (
        "/rota/people/{person_id}",
        lambda event, query: shifts_for_person(event["pathParameters"]["person_id"], query),
    ),
    ("/rota/swaps", lambda event, query: swap_requests(query)),
)


def lambda_handler(event, context):
    resource = event.get("resource")
    query = event.get("queryStringParameters") or {}
    for route, handler in _ROUTES:
        if resource == route:
            return handler(event, query)
    # API Gateway only forwards the resources above; anything else is a deploy mistake.
    logger.error("Rota function called for %s", resource)
    return respond(404, {"error": f"Unknown resource {resource}"}, event=event)
