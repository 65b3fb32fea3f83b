from app.request import parse_cursor

value = parse_cursor("c")
