from app.support import balance, redeem, respond

METRICS = {"redeem_attempts": 0}


def route(event, identity):
    resource = event.get("resource")
    if resource == "/loyalty/balance":
        return balance(event, identity.email)
    elif resource == "/loyalty/redeem":
        METRICS["redeem_attempts"] += 1
        return redeem(event, identity.email)
    return respond(404, {"error": "Not found"}, event=event)
