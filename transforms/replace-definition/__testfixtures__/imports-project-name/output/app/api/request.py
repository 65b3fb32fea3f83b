"""Request parsing helpers."""

from __future__ import annotations

import json
from typing import Any, Mapping

from app.exceptions import ValidationError


def _parse_body(event: Mapping[str, Any]) -> dict[str, Any]:
    """Decode the JSON body of an API Gateway event."""
    raw = event.get("body") or ""
    if not raw:
        raise ValidationError("Request body is required")
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValidationError("Request body must be valid JSON") from exc
