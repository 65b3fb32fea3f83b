def _parse_cursor(cursor):
    return cursor or None


def parse_cursor(event):
    return _parse_cursor(event["cursor"])
