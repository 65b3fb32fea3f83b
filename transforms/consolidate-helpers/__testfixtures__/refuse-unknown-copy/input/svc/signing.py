"""Signed download links."""

from __future__ import annotations

import hashlib
import hmac
import os


def sign(path: str) -> str:
    key = _required_env("SIGNING_KEY").encode()
    return hmac.new(key, path.encode(), hashlib.sha256).hexdigest()


def _required_env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise RuntimeError(f"Environment variable {name} is required for signing")
    return value
