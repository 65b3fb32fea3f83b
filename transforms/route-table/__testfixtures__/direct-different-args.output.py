from views import health, me


# Routes, tried in order; each matches its path exactly.
_ROUTES = (
    ("/me", me),
    ("/health", lambda event, user: health()),
)


# Dispatches the mobile API.
def route(path, event, user):
    for route_path, handler in _ROUTES:
        if path == route_path:
            return handler(event, user)
    return None
