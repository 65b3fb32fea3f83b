from mail.config import require_env


def sms_sender() -> str:
    return require_env("SMS_SENDER")
