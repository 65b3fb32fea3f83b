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


def handler(event, context):
    log_request(event, context, "gift-cards")
    params, errors, status = _parse(event)
    if errors:
        logger.info("Rejected gift card request: %s", errors)
        return respond(status, {"errors": errors}, event=event)
    # Balance lookups are the hot path: keep them first.
    if event["resource"] == "/gift-cards/{code}/balance":
        return gift_cards.balance(event["pathParameters"]["code"], event)
    elif event["resource"] == "/gift-cards":
        return gift_cards.list_cards(params, event)
    elif event["resource"] == "/gift-cards/{code}":
        return gift_cards.get_card(params, event["pathParameters"].get("code"), event)
