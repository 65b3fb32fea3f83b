"""Helpers."""

import functools


def helper(value, scale=2):
    return value * scale


def _decorate(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)

    return wrapper


@_decorate
def public(value, fallback=helper):
    def inner():
        return helper(value)

    return inner() + fallback(1)


_counter = 0


def bump():
    global helper
    helper = helper
    return helper


class Widget:
    _helper = "class attribute, not the module function"

    def method(self, _helper=None):
        return self._helper, _helper
