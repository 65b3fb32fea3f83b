def report_page(event, rows, parse_cursor=None):
    """`parse_cursor` lets callers decode their own cursors; the admin one is the default."""
    from app.api.admin_request import parse_cursor as parse_admin_cursor, query_value

    decode = parse_cursor or parse_admin_cursor
    after = decode(query_value(event, "cursor"))
    return [row for row in rows if after is None or row["id"] > after]
