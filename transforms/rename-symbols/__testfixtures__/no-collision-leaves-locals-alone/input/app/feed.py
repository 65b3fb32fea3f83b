"""Uses the helper, and has locals and lookups that must be left alone."""

from app import pagination
from app.pagination import _decode_page_token


def feed(query, fields):
    state = _decode_page_token(query.get("page_token")) or {}
    # A computed lookup without a literal part says nothing about the name.
    extract = {name: getattr(pagination, name, None) for name in fields}
    return state, extract


def legacy(query):
    # The new name bound in a scope that reads nothing of the old one.
    decode_page_token = query.get("legacy") == "1"
    return "offset" if decode_page_token else "signed"


def other_module_lookup(kind):
    import json

    return getattr(json, "dump" + kind, None)
