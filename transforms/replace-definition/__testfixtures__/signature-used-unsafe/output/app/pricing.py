def total(prices, tax, discount=0):
    return sum(prices) * (1 + tax) - discount
