from app.api import request
from app.api.request import _strip_version_prefix, parse_body


def handle(event: dict) -> dict:
    parts = _strip_version_prefix(event["path"].split("/"))
    return {"body": parse_body(event["body"]), "parts": parts, "v": request._is_version_segment}
