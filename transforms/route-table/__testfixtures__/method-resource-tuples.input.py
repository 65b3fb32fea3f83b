"""Waitlist desk (REST API resources under ``/waitlist``), for hosts on the floor."""

import logging
from uuid import UUID

from app.api.lambda_support import json_body, log_request, respond
from app.auth import identity_from_event
from app.services import waitlist

logger = logging.getLogger(__name__)


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
    if (method, resource) == ("GET", "/waitlist"):
        return waitlist.list_entries(event, event.get("queryStringParameters") or {})
    elif (method, resource) == ("POST", "/waitlist"):
        return waitlist.add_entry(event, json_body(event), identity.sub)
    elif (method, resource) in (
        ("POST", "/waitlist/{entry_id}/seat"),
        ("PUT", "/waitlist/{entry_id}/seat"),
    ):
        return waitlist.seat(event, entry_id, identity.sub)
    elif (method, resource) == ("DELETE", "/waitlist/{entry_id}"):
        return waitlist.remove(event, entry_id, identity.sub)
    logger.warning("No waitlist route for %s %s", method, resource)
    return respond(404, {"error": f"No route for {method} {resource}"}, event=event)
