"""Payment provider callbacks (``POST /callbacks/...``), signed with a shared secret."""

import re

from app.api.lambda_support import respond
from app.services import payments


# Routes, tried in order; each is a pattern the path must match (re.match).
_ROUTES = (
    (
        r"^/callbacks/stripe/?$",
        lambda path, body, event: payments.stripe_event(body, event),
    ),
    (
        r"^/callbacks/adyen/(live|test)/?$",
        lambda path, body, event: payments.adyen_notification(path.strip("/").split("/")[-1], body, event),
    ),
    (
        r"^/callbacks/refunds/[0-9a-f-]{36}/?$",
        lambda path, body, event: payments.refund_settled(path.rstrip("/").rsplit("/", 1)[-1], body),
    ),
)


def dispatch(path, body, event):
    for route, handler in _ROUTES:
        if re.match(route, path):
            return handler(path, body, event)
    return respond(404, {"error": "Unknown callback"}, event=event)
