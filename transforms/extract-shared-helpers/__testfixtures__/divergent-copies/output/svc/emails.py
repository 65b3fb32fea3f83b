"""Shared helpers, extracted from:

- svc/users.py
- svc/teams.py
"""


def normalize_email(value: str) -> str:
    return value.strip().lower()
