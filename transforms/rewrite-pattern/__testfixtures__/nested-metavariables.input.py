from app.money import Money, wrap


def total(a, b):
    return wrap(wrap(a) + wrap(b, currency="HKD"))
