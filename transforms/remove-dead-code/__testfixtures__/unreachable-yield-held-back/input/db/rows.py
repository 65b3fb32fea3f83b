def rows(cursor):
    """The cursor's rows, or none."""
    if cursor is None:
        return []
    return list(cursor)
    yield from cursor
