# Routes, tried in order; each matches any path that starts with it.
_ROUTES = (
    ("/api/", api),
)


def _match_handler(path):
    for route, handler in _ROUTES:
        if path.startswith(route):
            return lambda: handler(path)
    return None
