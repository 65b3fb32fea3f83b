from datetime import date
from typing import Any


def parse_when(raw: Any) -> "date | None":
    if raw:
        return date.fromisoformat(raw)
    return None
