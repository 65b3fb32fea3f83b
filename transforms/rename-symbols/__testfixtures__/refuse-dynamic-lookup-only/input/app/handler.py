import app.exports


def render(rows, fmt):
    renderer = getattr(app.exports, "_render_%s" % fmt, None) or app.exports.render_json
    return renderer(rows)
