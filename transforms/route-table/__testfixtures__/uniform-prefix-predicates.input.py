from handlers import orders, users


def _is_users(p: str) -> bool:
    return p == "/users" or p.startswith("/users/")


def _is_orders(p: str) -> bool:
    return p.startswith("/orders/") or p == "/orders"


def _match_handler(path, request):
    if _is_users(path):
        return lambda: users.handle(request, path)
    if _is_orders(path):
        return lambda: orders.handle(request, path)
    return None
