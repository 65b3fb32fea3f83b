"""Request parsing."""

from __future__ import annotations

import base64
from ast import literal_eval
from typing import Any


def parse_body(event: dict[str, Any]) -> dict[str, Any]:
    raw = event.get("body") or ""
    if event.get("isBase64Encoded"):
        raw = base64.b64decode(raw).decode("utf-8")
    return literal_eval(raw)
