from decimal import Decimal, ROUND_HALF_UP


def round_money(amount: Decimal) -> Decimal:
    # Banks round half up, not half even.
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
