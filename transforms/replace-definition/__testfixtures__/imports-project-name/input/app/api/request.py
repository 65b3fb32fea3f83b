"""Request parsing helpers."""

from __future__ import annotations

import json
from typing import Any, Mapping


def _parse_body(event: Mapping[str, Any]) -> dict[str, Any]:
    """Decode the JSON body of an API Gateway event."""
    raw = event.get("body") or ""
    return json.loads(raw)
