import re


def route(path, event):
    if path == "/orders":
        return list_orders(event)
    elif re.match(r"^/orders/\d+$", path):
        return get_order(event, path.rsplit("/", 1)[-1])
    return None
