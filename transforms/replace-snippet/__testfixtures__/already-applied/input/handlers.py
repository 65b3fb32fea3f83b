def _safe_handler(event, handler):
    try:
        return handler()
    except Exception:
        return json_response(500, {"error": "Internal server error"}, event=event)
