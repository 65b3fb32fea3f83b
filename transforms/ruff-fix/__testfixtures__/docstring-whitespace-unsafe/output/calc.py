def total(xs):
    """Sum.

    Blank line above has spaces."""
    s = 0

    for x in xs:
        s += x
    return s
