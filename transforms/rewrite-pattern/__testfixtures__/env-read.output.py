import logging

logger = logging.getLogger(__name__)


async def unhandled_exception_handler(request, exc):
    logger.exception("unhandled error", exc_info=exc)
    if request.app.debug:
        return {"detail": repr(exc)}
    return {"detail": "Internal server error"}


def describe(os_name):
    # os.environ.get("DEBUG_SQL") is a different variable
    return os_name
