import os


def pool_sizes(names):
    sizes = {}
    for name in names:
        use_iam_auth = _use_iam_auth()
        sizes[name] = 2 if use_iam_auth else int(os.getenv("POOL_SIZE", "5"))
    return sizes


def _use_iam_auth() -> bool:
    return str(os.getenv("DATABASE_IAM_AUTH", "")).lower() in {"1", "true", "yes"}
