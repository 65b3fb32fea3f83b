import functools


# Parsing is cached: the same event is parsed by several handlers.
@functools.lru_cache(maxsize=None)
def parse_count(raw):
    """Parse a count from a query string value."""
    value = int(raw)
    if value < 0:
        raise ValueError("count must not be negative")
    return value
    # trailing note stays with the module


def other():
    return 1
