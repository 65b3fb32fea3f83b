def route(event):
    path = event["path"]
    if path == "/health":
        return health(event)
    audit(event)
    if path == "/orders":
        return orders(event)
    return None
