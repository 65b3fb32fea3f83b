import os


def _required(name):
    value = os.environ.get(name)
    if not value:
        raise RuntimeError(f"{name} is not configured")
    return value


def sms_sender() -> str:
    return _required("SMS_SENDER")
