import functools


@functools.lru_cache(maxsize=1)
def settings():
    return {"debug": True}
