"""Waitlist desk (REST API resources under ``/waitlist``), for hosts on the floor."""

import logging
from uuid import UUID

from app.api.lambda_support import json_body, log_request, respond
from app.auth import identity_from_event
from app.services import waitlist

logger = logging.getLogger(__name__)


# Routes, tried in order; each matches its path exactly.
_ROUTES = (
    (
        "GET",
        "/waitlist",
        lambda event, identity, entry_id: waitlist.list_entries(event, event.get("queryStringParameters") or {}),
    ),
    (
        "POST",
        "/waitlist",
        lambda event, identity, entry_id: waitlist.add_entry(event, json_body(event), identity.sub),
    ),
    (
        "POST",
        "/waitlist/{entry_id}/seat",
        lambda event, identity, entry_id: waitlist.seat(event, entry_id, identity.sub),
    ),
    (
        "PUT",
        "/waitlist/{entry_id}/seat",
        lambda event, identity, entry_id: waitlist.seat(event, entry_id, identity.sub),
    ),
    (
        "DELETE",
        "/waitlist/{entry_id}",
        lambda event, identity, entry_id: waitlist.remove(event, entry_id, identity.sub),
    ),
)


def lambda_handler(event, context):
    log_request(event, context, "waitlist")
    identity = identity_from_event(event)
    if identity is None:
        return respond(401, {"error": "Authentication required"}, event=event)

    entry_id = None
    raw_id = (event.get("pathParameters") or {}).get("entry_id")
    if raw_id is not None:
        try:
            entry_id = UUID(raw_id)
        except ValueError:
            return respond(400, {"error": "entry_id must be a UUID"}, event=event)

    method, resource = event["httpMethod"], event.get("resource")
    for route_method, route, handler in _ROUTES:
        if method == route_method and resource == route:
            return handler(event, identity, entry_id)
    logger.warning("No waitlist route for %s %s", method, resource)
    return respond(404, {"error": f"No route for {method} {resource}"}, event=event)
