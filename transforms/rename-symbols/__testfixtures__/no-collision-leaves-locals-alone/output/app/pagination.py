import base64
import json


def decode_page_token(token):
    if not token:
        return None
    return json.loads(base64.urlsafe_b64decode(token.encode()))


def describe(token):
    # A local of the new name in a function that never reads the old one.
    decode_page_token = token is not None
    return {"has_token": decode_page_token}
