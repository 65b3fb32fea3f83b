import os

from svc.util import require_env, slugify


def bucket() -> str:
    return require_env("UPLOAD_BUCKET")


def upload_key(filename: str) -> str:
    prefix = os.environ.get("UPLOAD_PREFIX", "uploads")
    return f"{prefix}/{slugify(filename)}"
