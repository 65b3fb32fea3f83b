def _parse_cursor(cursor):
    return cursor or None
