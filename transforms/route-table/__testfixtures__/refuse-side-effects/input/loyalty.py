import logging

from app.loyalty import balance, history, redeem, respond

logger = logging.getLogger(__name__)
METRICS = {"redeem_attempts": 0}


def route(event, identity):
    resource = event.get("resource")
    if resource == "/loyalty/balance":
        return balance(event, identity.email)
    elif resource == "/loyalty/redeem":
        METRICS["redeem_attempts"] += 1
        logger.info("Redeem attempt by %s", identity.sub)
        return redeem(event, identity.email)
    elif resource == "/loyalty/history":
        return history(event, identity.email)
    return respond(404, {"error": "Not found"}, event=event)
