import json


def dump(value):
    import json

    return json.dumps(value)
