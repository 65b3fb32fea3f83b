"""Nothing imported yet."""

import time


def stamp():
    return time.time()
