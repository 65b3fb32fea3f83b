"""Report renderers. NDJSON and XML are only reachable through the handler's lookup."""

import json


def _escape_cell(value):
    text = "" if value is None else str(value)
    return text.replace("\n", " ").strip()


def render_csv(rows):
    header = ",".join(rows[0]) if rows else ""
    lines = [",".join(_escape_cell(v) for v in row.values()) for row in rows]
    return "\n".join([header, *lines])


def _render_ndjson(rows):
    return "".join(json.dumps({k: _escape_cell(v) for k, v in row.items()}) + "\n" for row in rows)


def _render_xml(rows):
    items = "".join(f"<row>{_escape_cell(r.get('id'))}</row>" for r in rows)
    return f"<rows>{items}</rows>"
