import logging

from app.utils.responses import json_response

logger = logging.getLogger(__name__)


def _safe_handler(event, handler):
    try:
        return handler()
    except ValueError as exc:
        return json_response(400, {"error": str(exc)}, event=event)
    except Exception as exc:
        logger.exception("Unhandled error while processing %s", event.get("path"))
        return json_response(
            500, {"error": "Internal server error", "detail": str(exc)}, event=event
        )  # keep: trailing comment


def other(event):
    return json_response(
        500, {"error": "Internal server error", "detail": "x"}, event=event
    )
