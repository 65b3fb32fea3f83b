def _match_handler(path):
    if path == "/a":
        return lambda: a(path)
    if path.endswith(".json"):
        return lambda: as_json(path)
    return None
