def dispatch(event):
    """Pick the handler for a Step Functions callback."""
    # Runs are addressed by id.
    if event["resource"] == '/runs/{id}':
        return get_run(event)
    elif event["resource"] == '/runs':
        return list_runs(event)
    elif event["resource"] in ('/health', '/ping'):
        return health(event)
    else:
        return not_found(event)


def get_run(event):
    return {"run": event["pathParameters"]["id"]}


def list_runs(event):
    return {"runs": []}


def health(event):
    return {"ok": True}


def not_found(event):
    return {"error": "not found"}
