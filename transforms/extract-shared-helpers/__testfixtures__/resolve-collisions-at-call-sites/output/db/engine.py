import os

from db.connection import password, use_iam_auth


def engine_options() -> dict[str, object]:
    use_iam = use_iam_auth()
    options: dict[str, object] = {"echo": os.getenv("SQL_ECHO") == "1", "password": password()}
    if use_iam:
        options["pool_recycle"] = 600
    options["iam"] = use_iam
    return options
