import json


def render_json(rows):
    return json.dumps({"rows": rows})


def _render_ndjson(rows):
    return "".join(json.dumps(row) + "\n" for row in rows)
