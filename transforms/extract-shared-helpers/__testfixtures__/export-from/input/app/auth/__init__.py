"""Authentication helpers."""

from app.auth.identity import ADMIN_GROUP, Identity, identity_from_event

__all__ = [
    "ADMIN_GROUP",
    "Identity",
    "identity_from_event",
]
