def parse_cursor(cursor):
    return cursor or None
