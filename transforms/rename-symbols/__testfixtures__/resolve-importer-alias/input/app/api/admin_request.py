"""Request parsing shared by the admin and asset endpoints."""

import base64
import json
from typing import Any, Mapping, Optional


class ValidationError(ValueError):
    pass


def _encode_cursor(value: str) -> str:
    return base64.urlsafe_b64encode(json.dumps({"v": value}).encode()).decode()


def _parse_cursor(cursor: Optional[str]) -> Optional[str]:
    if not cursor:
        return None
    try:
        document = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValidationError("invalid cursor") from exc
    return document.get("v")


def query_value(event: Mapping[str, Any], name: str) -> Optional[str]:
    return (event.get("queryStringParameters") or {}).get(name)
