"""Prices."""

from app.config import default_currency


DEFAULT_CURRENCY = default_currency()


def price(amount, currency=DEFAULT_CURRENCY):
    return format_money(amount, DEFAULT_CURRENCY)


def format_money(amount, currency):
    return f"{currency} {amount}"
