"""Order export worker: drains the export queue and writes CSV batches to the bucket."""

import logging
import os

from app.clients import bucket, queue

logger = logging.getLogger(__name__)

MAX_POLLS = 5


def parse_message(raw):
    try:
        import json

        payload = json.loads(raw)
    except ValueError:
        logger.warning("Dropping malformed message")
        return None
    return payload


def render_batch(rows):
    with open(os.devnull, "w") as sink:
        import csv

        writer = csv.writer(sink)
        for row in rows:
            writer.writerow(row)
    return sink


def normalise_amount(value):
    if isinstance(value, str):
        import re

        return re.sub(r"[^\d.]", "", value)
    elif isinstance(value, bytes):
        import codecs

        return codecs.decode(value, "ascii")
    else:
        import numbers

        if not isinstance(value, numbers.Number):
            raise ValueError(value)
        return str(value)


def object_keys(listing):
    keys = []
    for entry in listing:
        import posixpath

        keys.append(posixpath.basename(entry["Key"]))
    return keys


def drain():
    polls = 0
    while polls < MAX_POLLS:
        import time

        polls += 1
        messages = queue().receive()
        if not messages:
            time.sleep(0.2 * polls)
            continue
        for message in messages:
            payload = parse_message(message.body)
            if payload is not None:
                bucket().put(payload["key"], render_batch(payload["rows"]))


def describe(kind):
    match kind:
        case "daily":
            import calendar

            return calendar.day_name[0]
        case _:
            return kind


def report_failure(job_id, exc):
    try:
        import traceback

        details = "".join(traceback.format_exception(exc))
        queue().send({"job": job_id, "details": details})
    except Exception:
        logger.exception("Could not report the failure of %s", job_id)
    finally:
        import gc

        gc.collect()
