"""Nothing imported yet."""


def stamp():
    import time

    return time.time()
