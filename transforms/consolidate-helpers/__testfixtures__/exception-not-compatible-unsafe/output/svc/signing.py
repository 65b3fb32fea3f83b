"""Signed download links."""

from __future__ import annotations

import hashlib
import hmac

from svc.util import require_env


def sign(path: str) -> str:
    key = require_env("SIGNING_KEY").encode()
    return hmac.new(key, path.encode(), hashlib.sha256).hexdigest()
