"""Beträge in Euro — Hilfsfunktionen."""

from decimal import Decimal

EURO = "€"


def format_euro(amount: Decimal) -> str:
    return f"{amount:.2f} {EURO}"


def parse_euro(text: str) -> Decimal:
    """« 12,50 € » -> Decimal("12.50")."""
    return Decimal(text.replace(EURO, "").strip().replace(",", "."))
