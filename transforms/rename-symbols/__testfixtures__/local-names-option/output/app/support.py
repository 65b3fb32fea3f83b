import os


def dry_run_enabled(event=None) -> bool:
    headers = {k.lower(): v for k, v in ((event or {}).get("headers") or {}).items()}
    if headers.get("x-dry-run") in {"1", "true"}:
        return True
    return os.getenv("DRY_RUN", "") == "1"
