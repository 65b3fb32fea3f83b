"""Prices."""

from app.config import default_currency


def price(amount, currency="HKD"):
    return format_money(amount, "HKD")


def format_money(amount, currency):
    return f"{currency} {amount}"
