from app.api.request import parse_body, query_param


def handle(event: dict) -> dict:
    return {"body": parse_body(event["body"]), "page": query_param(event, "page")}
