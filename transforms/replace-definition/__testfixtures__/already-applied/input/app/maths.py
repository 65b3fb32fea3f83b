def total(items):
    """Sum."""
    return sum(items)
