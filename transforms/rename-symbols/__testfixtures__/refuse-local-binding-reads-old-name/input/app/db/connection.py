import os


def _use_iam_auth():
    return os.getenv("DATABASE_IAM_AUTH", "") in {"1", "true"}


def connect():
    use_iam_auth = _use_iam_auth()
    return "iam" if use_iam_auth else "password"
