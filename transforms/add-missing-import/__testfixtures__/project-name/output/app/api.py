import json

from app.text import slugify


def title(x: str) -> str:
    return json.dumps(slugify(x))
