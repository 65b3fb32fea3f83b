_SECRET_CACHE = {}


def get_secret_json(secret_arn):
    return _SECRET_CACHE[secret_arn]
