def total(prices, tax):
    return sum(prices) * (1 + tax)
