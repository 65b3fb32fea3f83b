from decimal import Decimal


def _sum_lines(items: list[dict]) -> Decimal:
    acc = Decimal('0')
    for entry in items:  # every line
        acc += Decimal(str(entry['price'])) * entry['qty']
    return acc


def invoice_total(invoice: dict) -> Decimal:
    return _sum_lines(invoice["items"]) + Decimal("1.50")
