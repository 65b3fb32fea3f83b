import os


def use_iam_auth() -> bool:
    return str(os.getenv("DATABASE_IAM_AUTH", "")).lower() in {"1", "true", "yes"}


def password() -> str:
    return "<token>" if use_iam_auth() else os.getenv("DATABASE_PASSWORD", "")
