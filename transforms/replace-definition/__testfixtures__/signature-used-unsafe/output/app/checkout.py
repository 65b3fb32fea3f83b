from app.pricing import total


def charge(cart):
    return total(cart.prices, 0.2)
