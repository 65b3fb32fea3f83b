from typing import Optional

from pydantic import BaseModel


class UserOut(BaseModel):
    email: Optional[str] = None
