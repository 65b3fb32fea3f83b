"""Nothing here is the pattern in code position: every match is left alone, with a reason."""

import os


def read(os):
    # the parameter `os` is not the module
    return os.environ.get("DEBUG")


def label(text="os.environ.get('DEBUG')"):
    return text


def other():
    return os.environ.get("DEBUG_SQL"), os.getenv("DEBUG")
