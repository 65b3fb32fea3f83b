"""Users service."""

import logging

from app.models import User

log = logging.getLogger(__name__)


def find(user_id: int) -> User | None:
    return None
