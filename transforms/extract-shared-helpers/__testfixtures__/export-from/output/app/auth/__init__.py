"""Authentication helpers."""

from app.auth.identity import ADMIN_GROUP, Identity, identity_from_event
from app.auth.tokens import bearer_token

__all__ = [
    "ADMIN_GROUP",
    "Identity",
    "bearer_token",
    "identity_from_event",
]
