"""The api package re-exports the request helpers under their old names."""

from .request import _parse_cursor


def parse_cursor(event):
    return _parse_cursor(event.get("cursor"))
