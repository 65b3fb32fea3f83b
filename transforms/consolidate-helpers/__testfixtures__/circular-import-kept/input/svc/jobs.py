import os


def queue_url() -> str:
    return _required("QUEUE_URL")


def _required(name):
    value = os.environ.get(name)
    if not value:
        raise RuntimeError(f"missing {name}")
    return value
