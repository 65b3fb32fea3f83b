def dispatch(event):
    """Pick the handler for a Step Functions callback."""
    for route, handler in _ROUTES:
        if event["resource"] == route:
            return handler(event)
    return not_found(event)


def get_run(event):
    return {"run": event["pathParameters"]["id"]}


def list_runs(event):
    return {"runs": []}


def health(event):
    return {"ok": True}


# Routes, tried in order; each matches its path exactly.
_ROUTES = (
    # Runs are addressed by id.
    ('/runs/{id}', get_run),
    ('/runs', list_runs),
    ('/health', health),
    ('/ping', health),
)


def not_found(event):
    return {"error": "not found"}
