import functools


@functools.cache
def settings():
    return {"debug": False}
