from svc.helpers import require_env


def queue_url() -> str:
    return require_env("QUEUE_URL")
