"""Users service."""

import logging

from typing import Optional

from app.models import User

log = logging.getLogger(__name__)


def find(user_id: int) -> Optional[User]:
    return None
