import json


def title(x: str) -> str:
    return json.dumps(slugify(x))
