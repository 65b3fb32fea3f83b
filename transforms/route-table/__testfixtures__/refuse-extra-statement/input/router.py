def _match_handler(path):
    if path == "/a":
        log("a")
        return lambda: a(path)
    return None
