from handlers import orders, users


# Routes, tried in order; each matches its path and the paths below it.
_ROUTES = (
    ("/users", users.handle),
    ("/orders", orders.handle),
)


def _match_handler(path, request):
    for route, handler in _ROUTES:
        if path == route or path.startswith(route + "/"):
            return lambda: handler(request, path)
    return None
