"""Database connection settings, from the environment."""

import logging
import os

logger = logging.getLogger(__name__)

DEFAULT_PORT = 5432


def use_iam_auth() -> bool:
    return str(os.getenv("DATABASE_IAM_AUTH", "")).lower() in {"1", "true", "yes"}


def connection_kwargs(host: str, port: int = DEFAULT_PORT) -> dict:
    if not host:
        raise ValueError("host is required")
    use_iam = use_iam_auth()
    kwargs = {"host": host, "port": port, "connect_timeout": 5}
    if use_iam:
        kwargs["sslmode"] = "require"
        logger.info("using IAM auth for %s", host)
    else:
        kwargs["password"] = os.environ.get("DATABASE_PASSWORD", "")
    kwargs["application_name"] = "backend-iam" if use_iam else "backend"
    return kwargs


def describe(host: str) -> str:
    # A local named like the new name that never reads the helper: left alone.
    use_iam_auth = os.getenv("DESCRIBE_IAM") == "1"
    return f"{host} ({'iam' if use_iam_auth else 'password'})"
