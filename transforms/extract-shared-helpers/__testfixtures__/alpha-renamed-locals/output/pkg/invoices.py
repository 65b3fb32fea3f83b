from decimal import Decimal

from pkg.money import sum_line_totals


def invoice_total(invoice: dict) -> Decimal:
    return sum_line_totals(invoice["items"]) + Decimal("1.50")
