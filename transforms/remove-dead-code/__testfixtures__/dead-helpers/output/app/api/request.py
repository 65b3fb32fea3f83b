"""Request parsing helpers."""

import json
import re
from typing import Any, Optional

_VERSION = re.compile(r"^v\d+$")


def parse_body(raw: str) -> dict[str, Any]:
    return json.loads(raw)


def query_param(event: dict[str, Any], name: str) -> Optional[str]:
    return (event.get("queryStringParameters") or {}).get(name)
