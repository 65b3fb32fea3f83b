from views import health, me


# Dispatches the mobile API.
def route(path, event, user):
    if path == "/me":
        return me(event, user)
    if path == "/health":
        return health()
    return None
