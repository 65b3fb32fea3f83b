from handlers import orders, users


# Routes, tried in order; each matches its path and the paths below it.
_ROUTES = (
    ("/users", lambda path, request: users.handle(request, path)),
    ("/orders", lambda path, request: orders.handle(request, path)),
)


def _match_handler(path, request):
    for route, handler in _ROUTES:
        if path == route or path.startswith(route + "/"):
            return lambda: handler(path, request)
    return None
