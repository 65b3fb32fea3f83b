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
        for route, kind, handler in routes:
            if path == route or (kind == "prefix" and path.startswith(route + "/")):
                return handler()
        return None
