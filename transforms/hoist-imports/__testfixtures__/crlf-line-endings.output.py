"""Windows file."""

import os
import time


def stamp():
    return time.time(), os.sep
