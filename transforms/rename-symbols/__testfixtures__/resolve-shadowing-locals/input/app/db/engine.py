import os

from app.db.connection import _use_iam_auth, connection_kwargs


def engine_options(host: str, pool_size: int = 5) -> dict:
    options = {"pool_size": pool_size, "pool_pre_ping": True}
    use_iam = os.getenv("FORCE_IAM") == "1"
    use_iam_auth = _use_iam_auth() or use_iam
    if use_iam_auth:
        options["pool_recycle"] = 600
    options["connect_args"] = connection_kwargs(host)
    return options


def refresh_tokens(max_attempts: int = 3) -> int:
    use_iam_auth = _use_iam_auth()
    attempts = 0

    def retry() -> bool:
        nonlocal use_iam_auth, attempts
        attempts += 1
        if attempts >= max_attempts:
            use_iam_auth = False
        return use_iam_auth

    while retry():
        pass
    return attempts
