"""Staff rota API (REST API resources under ``/rota``)."""

import logging

from app.api.lambda_support import respond
from app.rota import shifts_for_day, shifts_for_person, swap_requests

logger = logging.getLogger(__name__)


def lambda_handler(event, context):
    resource = event.get("resource")
    query = event.get("queryStringParameters") or {}
    if resource == "/rota/day/{day}":
        return shifts_for_day(event["pathParameters"]["day"], query)
    elif resource == "/rota/people/{person_id}":
        return shifts_for_person(event["pathParameters"]["person_id"], query)
    elif resource == "/rota/swaps":
        return swap_requests(query)
    else:
        # API Gateway only forwards the resources above; anything else is a deploy mistake.
        logger.error("Rota function called for %s", resource)
        return respond(404, {"error": f"Unknown resource {resource}"}, event=event)
