"""Windows file."""

import os


def stamp():
    import time

    return time.time(), os.sep
