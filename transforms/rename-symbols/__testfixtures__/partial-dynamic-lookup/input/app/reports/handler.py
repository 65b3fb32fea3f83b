import logging

from app.reports import exports
from app.reports.exports import _escape_cell

logger = logging.getLogger(__name__)

_RENDERERS = {"csv": exports.render_csv}


def render(rows, fmt="csv"):
    renderer = _RENDERERS.get(fmt) or getattr(exports, "_render_" + fmt, None)
    if renderer is None:
        logger.warning("unknown format %s", _escape_cell(fmt))
        return None
    return renderer(rows)


def supports(fmt):
    # A second computed lookup, as an f-string.
    return fmt in _RENDERERS or hasattr(exports, f"_render_{fmt}")
