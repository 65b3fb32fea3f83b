"""Helpers."""

import functools


def _helper(value, scale=2):
    return value * scale


def _decorate(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)

    return wrapper


@_decorate
def public(value, fallback=_helper):
    def inner():
        return _helper(value)

    return inner() + fallback(1)


_counter = 0


def bump():
    global _helper
    _helper = _helper
    return _helper


class Widget:
    _helper = "class attribute, not the module function"

    def method(self, _helper=None):
        return self._helper, _helper
