import os


def _env_or_fail(name, default=None):
    value = os.getenv(name, default)
    if value is None:
        raise RuntimeError(f"Missing environment variable {name}")
    return value


def smtp_settings():
    return {
        "host": _env_or_fail("SMTP_HOST"),
        "port": int(_env_or_fail("SMTP_PORT", "587")),
        "sender": _env_or_fail(name="MAIL_FROM"),
    }
