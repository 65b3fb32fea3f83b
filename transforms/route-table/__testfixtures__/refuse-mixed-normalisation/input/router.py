def _match_handler(path):
    if _is_a(path):
        return lambda: a(path)
    if _is_b(path):
        return lambda: b(path)
    return None


def _is_a(path):
    normalized = path.rstrip("/")
    return normalized == "/a"


def _is_b(path):
    return path == "/b"
