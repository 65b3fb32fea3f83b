"""Helpers for the admin endpoints (they list the registered handlers)."""

import os

from svc.handlers import HANDLERS


def describe_handlers() -> list[str]:
    return sorted(HANDLERS)


def debug_enabled() -> bool:
    return os.environ.get("DEBUG") == "1"
