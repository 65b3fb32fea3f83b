from app import helpers
from app.helpers import helper, public


def compute(x):
    _helper_result = helper(x)
    return _helper_result + helpers.helper(x) + public(x)


def shadowed(_helper):
    return _helper + 1
