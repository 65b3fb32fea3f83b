from app.money import Money


def total(a, b):
    return Money.of(Money.of(a) + Money.of(b, currency="HKD"))
