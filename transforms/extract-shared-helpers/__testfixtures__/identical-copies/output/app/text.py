"""Shared helpers, extracted from:

- app/a.py
- app/b.py
"""

import re

_SPACES = re.compile(r"\s+")


def clean_whitespace(value: str) -> str:
    """Collapse whitespace."""
    return _SPACES.sub(" ", value).strip()
