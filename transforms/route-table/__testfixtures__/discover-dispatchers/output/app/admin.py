"""Back-office API: two functions behind two API Gateway resources."""

from app.support import respond, stats, users


def _is_internal(path):
    if path == "/internal":
        return True
    if path.startswith("/internal/"):
        return True
    return False


def _require_admin(event):
    if event.get("role") != "admin":
        return respond(403, {"error": "Admins only"}, event=event)
    return None


# Routes, tried in order: "exact" matches the path, "startswith" any path that starts with it.
_ROUTES = (
    ("/admin/users", "exact", lambda event: users.list_users(event)),
    (
        "/admin/users/",
        "startswith",
        lambda event: users.get_user(event, event["path"].rsplit("/", 1)[-1]),
    ),
)


def users_api(event, context):
    denied = _require_admin(event)
    if denied:
        return denied
    for route, kind, handler in _ROUTES:
        if event["path"] == route or (kind == "startswith" and event["path"].startswith(route)):
            return handler(event)
    return respond(404, {"error": "Not found"}, event=event)


# Routes, tried in order; each matches its path exactly.
_STATS_API_ROUTES = (
    ("/admin/stats/daily", lambda event: stats.daily(event)),
    ("/admin/stats/monthly", lambda event: stats.monthly(event)),
)


def stats_api(event, context):
    for route, handler in _STATS_API_ROUTES:
        if event["path"] == route:
            return handler(event)
    return respond(404, {"error": "Not found"}, event=event)
