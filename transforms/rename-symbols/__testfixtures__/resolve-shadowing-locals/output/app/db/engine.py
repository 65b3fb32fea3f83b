import os

from app.db.connection import connection_kwargs, use_iam_auth


def engine_options(host: str, pool_size: int = 5) -> dict:
    options = {"pool_size": pool_size, "pool_pre_ping": True}
    use_iam = os.getenv("FORCE_IAM") == "1"
    use_iam_auth_value = use_iam_auth() or use_iam
    if use_iam_auth_value:
        options["pool_recycle"] = 600
    options["connect_args"] = connection_kwargs(host)
    return options


def refresh_tokens(max_attempts: int = 3) -> int:
    use_iam = use_iam_auth()
    attempts = 0

    def retry() -> bool:
        nonlocal use_iam, attempts
        attempts += 1
        if attempts >= max_attempts:
            use_iam = False
        return use_iam

    while retry():
        pass
    return attempts
