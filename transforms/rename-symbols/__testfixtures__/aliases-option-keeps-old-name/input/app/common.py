from app.request import _parse_cursor


def parse_cursor(event):
    """Public wrapper around the shared parser."""
    return _parse_cursor(event.get("cursor"))
