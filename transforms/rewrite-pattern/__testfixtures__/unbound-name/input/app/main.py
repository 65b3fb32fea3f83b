import logging
import os

logging.basicConfig(level=logging.DEBUG if os.environ.get("DEBUG") else logging.INFO)


async def handler(request, exc):
    return repr(exc) if os.environ.get("DEBUG") else "error"
