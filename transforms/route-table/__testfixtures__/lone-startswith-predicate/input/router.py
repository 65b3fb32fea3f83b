def _match_handler(path):
    if _is_api(path):
        return lambda: api(path)
    return None


def _is_api(path):
    return path.startswith("/api/")
