from svc.uploads import _require_env


def export_bucket() -> str:
    return _require_env("EXPORT_BUCKET")
