from svc.util import require_env


def export_bucket() -> str:
    return require_env("EXPORT_BUCKET")
