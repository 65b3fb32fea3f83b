from __future__ import annotations

import hmac
import os

from web.env import require_env


def check_token(presented: str) -> bool:
    """Compare the presented admin token with the configured one."""
    expected = require_env("ADMIN_TOKEN")
    return hmac.compare_digest(presented, expected)


def cdn_host() -> str:
    host = os.environ.get("CDN_HOST", "").strip()
    if not host:
        raise RuntimeError("CDN_HOST is not set")
    return host
