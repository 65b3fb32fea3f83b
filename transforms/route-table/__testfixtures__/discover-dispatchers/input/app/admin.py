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


def users_api(event, context):
    denied = _require_admin(event)
    if denied:
        return denied
    if event["path"] == "/admin/users":
        return users.list_users(event)
    elif event["path"].startswith("/admin/users/"):
        return users.get_user(event, event["path"].rsplit("/", 1)[-1])
    return respond(404, {"error": "Not found"}, event=event)


def stats_api(event, context):
    if event["path"] == "/admin/stats/daily":
        return stats.daily(event)
    elif event["path"] == "/admin/stats/monthly":
        return stats.monthly(event)
    return respond(404, {"error": "Not found"}, event=event)
