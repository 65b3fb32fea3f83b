from app.handlers import admin, reports


def _match_handler(path, event):
    if _is_admin_path(path):
        return lambda: admin(event)
    if _is_reports_path(path):
        return lambda: reports(event)
    return None


def _is_admin_path(path):
    return path == "/admin" or path.startswith("/admin/")


def _is_reports_path(path):
    return path == "/reports"
