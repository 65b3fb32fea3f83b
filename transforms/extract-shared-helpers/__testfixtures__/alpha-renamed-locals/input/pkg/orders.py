from decimal import Decimal


def _total(items: list[dict]) -> Decimal:
    """Sum of line totals."""
    result = Decimal("0")
    for line in items:
        result += Decimal(str(line["price"])) * line["qty"]
    return result


def order_total(order: dict) -> Decimal:
    return _total(order["items"])
