import logging

from app.support import list_venues, get_venue, log_request, parse, respond

logger = logging.getLogger(__name__)


def handler(event, context):
    log_request(event, context, "venues")
    params, errors, status = parse(event)
    if errors:
        logger.info("Rejected venues request: %s", errors)
        return respond(status, {"errors": errors}, event=event)
    if event["resource"] == "/venues":
        return list_venues(params, event)
    elif event["resource"] == "/venues/{venue_id}":
        return get_venue(params, event["pathParameters"].get("venue_id"), event)
