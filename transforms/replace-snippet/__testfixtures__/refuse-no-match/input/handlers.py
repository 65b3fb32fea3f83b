def _safe_handler(event, handler):
    try:
        return handler()
    except Exception as exc:
        return json_response(500, {"error": "Internal error", "detail": repr(exc)}, event=event)
