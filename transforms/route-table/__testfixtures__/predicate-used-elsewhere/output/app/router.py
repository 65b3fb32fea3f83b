from app.handlers import admin, reports


# Routes, tried in order: "exact" matches the path, "prefix" also the paths below it.
_ROUTES = (
    ("/admin", "prefix", admin),
    ("/reports", "exact", reports),
)


def _match_handler(path, event):
    for route, kind, handler in _ROUTES:
        if path == route or (kind == "prefix" and path.startswith(route + "/")):
            return lambda: handler(event)
    return None


def _is_admin_path(path):
    return path == "/admin" or path.startswith("/admin/")
