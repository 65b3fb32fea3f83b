import logging

from app.support import list_venues, get_venue, log_request, parse, respond

logger = logging.getLogger(__name__)


# Routes, tried in order; each matches its path exactly.
_ROUTES = (
    ("/venues", lambda event, params: list_venues(params, event)),
    (
        "/venues/{venue_id}",
        lambda event, params: get_venue(params, event["pathParameters"].get("venue_id"), event),
    ),
)


def handler(event, context):
    log_request(event, context, "venues")
    params, errors, status = parse(event)
    if errors:
        logger.info("Rejected venues request: %s", errors)
        return respond(status, {"errors": errors}, event=event)
    for route, route_handler in _ROUTES:
        if event["resource"] == route:
            return route_handler(event, params)
