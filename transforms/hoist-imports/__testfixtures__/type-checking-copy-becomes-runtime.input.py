"""Report renderers: rows of dicts -> JSON or NDJSON text."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from decimal import Decimal


def render_json(rows: Iterable[Mapping[str, Any]], totals: Mapping[str, Decimal]) -> str:
    document = {"rows": [dict(row) for row in rows], "totals": {k: str(v) for k, v in totals.items()}}
    return json.dumps(document)


def render_ndjson(rows):
    lines = []
    for row in rows:
        from decimal import Decimal

        record = {k: str(v) if isinstance(v, Decimal) else v for k, v in row.items()}
        lines.append(json.dumps(record))
    return "\n".join(lines)
