class Router:
    def __init__(self, users, admin):
        self.users = users
        self.admin = admin

    def route(self, event):
        path = event["path"].rstrip("/")
        identity = event.get("identity")
        # Routes, tried in order: "exact" matches the path, "prefix" also the paths below it.
        routes = (
            ("/me", "prefix", lambda: self.users.handle(event, identity)),
            ("/admin", "exact", lambda: self.admin.handle(event)),
        )
        for route_path, kind, handler in routes:
            if path == route_path or (kind == "prefix" and path.startswith(route_path + "/")):
                return handler()
        return None
