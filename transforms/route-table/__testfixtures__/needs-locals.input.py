class Router:
    def __init__(self, users, admin):
        self.users = users
        self.admin = admin

    def route(self, event):
        path = event["path"].rstrip("/")
        identity = event.get("identity")
        if path == "/me" or path.startswith("/me/"):
            return self.users.handle(event, identity)
        if path == "/admin":
            return self.admin.handle(event)
        return None
