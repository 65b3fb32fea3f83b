from app import helpers
from app.helpers import _helper, public


def compute(x):
    _helper_result = _helper(x)
    return _helper_result + helpers._helper(x) + public(x)


def shadowed(_helper):
    return _helper + 1
