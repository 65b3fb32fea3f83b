"""Shared helpers, extracted from:

- app/handlers/admin.py
- app/handlers/user.py
"""


def bearer_token(headers: dict[str, str]) -> str | None:
    value = headers.get("authorization", "")
    return value[7:] if value.lower().startswith("bearer ") else None
