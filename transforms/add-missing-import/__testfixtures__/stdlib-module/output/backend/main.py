"""Entry point."""

import logging
import os
from collections.abc import AsyncIterator

logger = logging.getLogger(__name__)


def environment() -> str:
    return os.getenv("ENVIRONMENT", "development")


async def lifespan() -> AsyncIterator[None]:
    yield
