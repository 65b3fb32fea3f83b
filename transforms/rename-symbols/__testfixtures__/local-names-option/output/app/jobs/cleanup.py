import logging

from app.support import dry_run_enabled

logger = logging.getLogger(__name__)


def purge_expired(event, store):
    dry_run_requested = dry_run_enabled(event)
    expired = [key for key, item in store.items() if item.get("expired")]
    for key in expired:
        if dry_run_requested:
            logger.info("would purge %s", key)
            continue
        del store[key]
    return {"purged": [] if dry_run_requested else expired, "dry_run": dry_run_requested}


def purge_orphans(event, store):
    dry_run_requested = dry_run_enabled(event)
    orphans = [key for key, item in store.items() if not item.get("owner")]
    if not dry_run_requested:
        for key in orphans:
            store.pop(key, None)
    return orphans
