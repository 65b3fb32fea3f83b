from app.api import _parse_cursor


def page(event):
    return _parse_cursor(event.get("page"))
