from __future__ import annotations

from marshmallow.fields import Union
from app.types import Optional


def field(kind: Optional[int]) -> Union[int, str]:
    ...
