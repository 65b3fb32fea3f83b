from app.api.lambda_support import header, respond
from app.calendar import event_detail, ics_feed, json_feed


def _accepts(event, media_type):
    return (header(event, "Accept") or "").split(";")[0].strip() == media_type


def handle_calendar_request(event, context=None):
    path = event["path"].rstrip("/")
    if path == "/calendar/feed" and _accepts(event, "text/calendar"):
        return ics_feed(event)
    elif path == "/calendar/feed":
        return json_feed(event)
    elif path.startswith("/calendar/events/"):
        return event_detail(event, path[len("/calendar/events/") :])
    return None
