import os

from db.connection import password


def engine_options() -> dict[str, object]:
    use_iam_auth = _use_iam_auth()
    options: dict[str, object] = {"echo": os.getenv("SQL_ECHO") == "1", "password": password()}
    if use_iam_auth:
        options["pool_recycle"] = 600
    options["iam"] = use_iam_auth
    return options


def _use_iam_auth() -> bool:
    return str(os.getenv('DATABASE_IAM_AUTH', '')).lower() in {'1', 'true', 'yes'}
