"""Payment provider callbacks (``POST /callbacks/...``), signed with a shared secret."""

import re

from app.api.lambda_support import respond
from app.services import payments


def dispatch(path, body, event):
    if re.match(r"^/callbacks/stripe/?$", path):
        return payments.stripe_event(body, event)
    elif re.match(r"^/callbacks/adyen/(live|test)/?$", path):
        return payments.adyen_notification(path.strip("/").split("/")[-1], body, event)
    elif re.match(r"^/callbacks/refunds/[0-9a-f-]{36}/?$", path):
        return payments.refund_settled(path.rstrip("/").rsplit("/", 1)[-1], body)
    return respond(404, {"error": "Unknown callback"}, event=event)
