from app.request import _parse_cursor

value = _parse_cursor("c")
