_ROUTES = (("/a", print),)


def _match_handler(path):
    for route, handler in _ROUTES:
        if path == route:
            return handler
    return None
