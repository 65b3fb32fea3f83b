"""Beträge in Euro — Hilfsfunktionen."""

from decimal import Decimal

EURO = "€"


def format_euro(amount: Decimal) -> str:
    return f"{amount:.2f} {EURO}"
