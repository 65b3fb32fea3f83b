"""The job queue: a Redis stream and its result backend."""

from __future__ import annotations

import logging
import os

from jobs.settings import JobSettings

logger = logging.getLogger(__name__)

settings = JobSettings()

REDIS_URL = settings.redis_url
RESULT_TTL = settings.result_ttl


def queue_name() -> str:
    # Read at call time: tests switch queues per case.
    return JobSettings().queue


def worker_count() -> int:
    return int(os.environ["WORKERS"])
