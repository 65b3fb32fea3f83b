"""Helpers for lists."""


def last_item(items):
    return items[-1] if items else None
