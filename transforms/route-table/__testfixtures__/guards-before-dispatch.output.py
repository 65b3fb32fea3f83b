"""Gift cards (REST API resources under ``/gift-cards``)."""

import logging

from app.api.lambda_support import log_request, respond
from app.services import gift_cards

logger = logging.getLogger(__name__)

MAX_PAGE = 100


def _parse(event):
    """Validate the query string; returns ``(params, errors, status)``."""
    query = event.get("queryStringParameters") or {}
    params = {"limit": 20}
    errors = []
    raw_limit = query.get("limit")
    if raw_limit:
        if not raw_limit.isdigit() or not 1 <= int(raw_limit) <= MAX_PAGE:
            errors.append({"field": "limit", "message": f"limit must be 1-{MAX_PAGE}"})
        else:
            params["limit"] = int(raw_limit)
    return params, errors, 400 if errors else 200


# Routes, tried in order; each matches its path exactly.
_ROUTES = (
    # Balance lookups are the hot path: keep them first.
    (
        "/gift-cards/{code}/balance",
        lambda event, params: gift_cards.balance(event["pathParameters"]["code"], event),
    ),
    ("/gift-cards", lambda event, params: gift_cards.list_cards(params, event)),
    (
        "/gift-cards/{code}",
        lambda event, params: gift_cards.get_card(params, event["pathParameters"].get("code"), event),
    ),
)


def handler(event, context):
    log_request(event, context, "gift-cards")
    params, errors, status = _parse(event)
    if errors:
        logger.info("Rejected gift card request: %s", errors)
        return respond(status, {"errors": errors}, event=event)
    for route, route_handler in _ROUTES:
        if event["resource"] == route:
            return route_handler(event, params)
