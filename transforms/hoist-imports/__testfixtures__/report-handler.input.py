"""Monthly deposit report (``GET /reports/deposits?month=YYYY-MM``).

Writes the rendered CSV to ``REPORTS_BUCKET`` when it is large, so the admin UI can
offer a download link that outlives the API response.
"""

from __future__ import annotations

import logging
import os
import sys
from datetime import datetime, timezone
from typing import Any

from app.db import session_scope
from app.responses import respond

logger = logging.getLogger(__name__)

UPLOAD_THRESHOLD_ROWS = 500


def _store(body: str, month: str) -> str | None:
    bucket = os.getenv("REPORTS_BUCKET")
    if not bucket:
        return None
    key = f"reports/{datetime.now(timezone.utc):%Y/%m/%d}/deposits-{month}.csv"
    try:
        from botocore.exceptions import ClientError

        from app.aws import get_client

        get_client("s3").put_object(Bucket=bucket, Key=key, Body=body.encode("utf-8"))
    except ClientError as exc:
        logger.error("Could not store report %s: %s", key, exc)
        return None
    return key


def _render(rows: list[dict[str, Any]]) -> str:
    import io

    with io.StringIO() as buffer:
        import csv

        writer = csv.DictWriter(buffer, fieldnames=["date", "name", "deposit"])
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
        return buffer.getvalue()


def deposits_report(event: dict[str, Any]) -> dict[str, Any]:
    query = event.get("queryStringParameters") or {}
    month = query.get("month")
    if not month:
        return respond(400, {"error": "month is required (YYYY-MM)"})
    try:
        import datetime

        first = datetime.date.fromisoformat(f"{month}-01")
    except ValueError:
        return respond(400, {"error": "month must look like 2025-06"})

    if sys.version_info >= (3, 9):
        from zoneinfo import ZoneInfo
    else:  # pragma: no cover
        from backports.zoneinfo import ZoneInfo
    zone = ZoneInfo(os.getenv("VENUE_TIMEZONE", "Europe/Lisbon"))

    with session_scope() as session:
        from decimal import Decimal

        rows = session.deposits_since(first)
        total = sum((Decimal(row["deposit"]) for row in rows), Decimal("0"))
    body = _render(rows)
    headers = {"X-Report-Total": str(total)}
    if len(rows) >= UPLOAD_THRESHOLD_ROWS:
        key = _store(body, month)
        if key:
            headers["X-Report-Key"] = key
    headers["X-Generated-At"] = datetime.datetime.now(zone).isoformat(timespec="seconds")
    return respond(200, body, headers=headers)
