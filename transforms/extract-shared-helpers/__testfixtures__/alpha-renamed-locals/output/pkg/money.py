"""Shared helpers, extracted from:

- pkg/orders.py
- pkg/invoices.py
"""

from decimal import Decimal


def sum_line_totals(items: list[dict]) -> Decimal:
    """Sum of line totals."""
    result = Decimal("0")
    for line in items:
        result += Decimal(str(line["price"])) * line["qty"]
    return result
