import os

from db.connection import password, use_iam_auth


def engine_options() -> dict[str, object]:
    options: dict[str, object] = {"echo": os.getenv("SQL_ECHO") == "1", "password": password()}
    if use_iam_auth():
        options["pool_recycle"] = 600
    return options
