import os

from svc.util import slugify


def bucket() -> str:
    return _require_env("UPLOAD_BUCKET")


def upload_key(filename: str) -> str:
    prefix = os.environ.get("UPLOAD_PREFIX", "uploads")
    return f"{prefix}/{slugify(filename)}"


def _require_env(env_name):
    # Empty counts as missing: a blank bucket name is a deployment bug.
    value = os.getenv(env_name)
    if not value:
        raise RuntimeError("Missing required environment variable: " + env_name)
    return value
