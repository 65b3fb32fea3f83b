"""Order history queries for the account pages."""

import logging

from sqlalchemy import bindparam, text

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
    where = "AND o.status IN :statuses " if statuses else ""
    statement = text(
        "SELECT o.id, o.total FROM orders o WHERE o.customer_id = :customer "
        f"{where}ORDER BY o.created_at DESC LIMIT :limit"
    )
    params = {"customer": customer_id, "limit": limit}
    if statuses:
        statement = statement.bindparams(bindparam("statuses", expanding=True))
        params["statuses"] = list(statuses)
    result = await session.execute(statement, params)
    return result.fetchall()


def _format(row):
    order_id, total = row
    return {"id": str(order_id), "total": float(total)}


async def orders_by_id(session, order_ids):
    """The orders with these ids, in no particular order."""
    if not order_ids:
        return []
    statement = text("SELECT o.id, o.total FROM orders o WHERE o.id IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    result = await session.execute(statement, {"ids": list(order_ids)})
    rows = result.fetchall()
    logger.debug("found %d of %d orders", len(rows), len(order_ids))
    return [_format(row) for row in rows]
