import os


def _dry_run_enabled(event=None) -> bool:
    return os.getenv("DRY_RUN", "") == "1" or bool((event or {}).get("dryRun"))


def log_request(event, dry_run_enabled=None):
    if dry_run_enabled is None:
        dry_run_enabled = _dry_run_enabled(event)
    return {"path": event.get("path"), "dry_run": dry_run_enabled}
