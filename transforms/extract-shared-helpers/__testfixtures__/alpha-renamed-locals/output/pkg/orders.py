from decimal import Decimal

from pkg.money import sum_line_totals


def order_total(order: dict) -> Decimal:
    return sum_line_totals(order["items"])
