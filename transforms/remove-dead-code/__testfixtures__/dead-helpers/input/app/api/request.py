"""Request parsing helpers."""

import json
import re
from typing import Any, Optional

_VERSION = re.compile(r"^v\d+$")


def parse_body(raw: str) -> dict[str, Any]:
    return json.loads(raw)


def _parse_path(path: Optional[str]) -> list[str]:
    """Split a path into its segments, without the version prefix."""
    segments = [s for s in (path or "").split("/") if s]
    return _strip_version_prefix(segments)


# Kept for the v1 routes.
def _strip_version_prefix(segments: list[str]) -> list[str]:
    if segments and _is_version_segment(segments[0]):
        return segments[1:]
    return segments


def _is_version_segment(segment: str) -> bool:
    return bool(_VERSION.match(segment))


def query_param(event: dict[str, Any], name: str) -> Optional[str]:
    return (event.get("queryStringParameters") or {}).get(name)
