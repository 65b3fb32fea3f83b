"""The job queue: a Redis stream and its result backend."""

from __future__ import annotations

import logging
import os

logger = logging.getLogger(__name__)

REDIS_URL = os.getenv("REDIS_URL", "redis://localhost:6379/0")
RESULT_TTL = int(os.getenv("JOBS_RESULT_TTL", "3600"))


def queue_name() -> str:
    # Read at call time: tests switch queues per case.
    return os.environ.get("JOBS_QUEUE", "default")


def worker_count() -> int:
    return int(os.environ["WORKERS"])
