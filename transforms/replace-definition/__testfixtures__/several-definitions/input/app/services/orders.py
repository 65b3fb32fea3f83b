"""Order history queries for the account pages."""

import logging

from sqlalchemy import text

logger = logging.getLogger(__name__)

MAX_ROWS = 200


def _clamp(limit):
    return max(1, min(limit, MAX_ROWS))


# Orders of one customer, newest first; the archive is not searched.
async def recent_orders(session, customer_id, statuses=None, limit=50):
    """Recent orders of ``customer_id``, optionally only in ``statuses``."""
    limit = _clamp(limit)
    if not customer_id:
        return []
    where = ""
    if statuses:
        status_list = ", ".join(f"'{s}'" for s in statuses)
        where = f"AND o.status IN ({status_list}) "
    result = await session.execute(
        text(
            "SELECT o.id, o.total FROM orders o WHERE o.customer_id = :customer "
            f"{where}ORDER BY o.created_at DESC LIMIT :limit"
        ),
        {"customer": customer_id, "limit": limit},
    )
    return result.fetchall()


def _format(row):
    order_id, total = row
    return {"id": str(order_id), "total": float(total)}


async def orders_by_id(session, order_ids):
    """The orders with these ids, in no particular order."""
    if not order_ids:
        return []
    id_list = ", ".join(f"'{i}'" for i in order_ids)
    result = await session.execute(text(f"SELECT o.id, o.total FROM orders o WHERE o.id IN ({id_list})"))
    rows = result.fetchall()
    logger.debug("found %d of %d orders", len(rows), len(order_ids))
    return [_format(row) for row in rows]
