from typing import Literal, Optional, Union

ARGS = Optional[int].__args__
MEMBERS = Union[int, str].__args__
NEGATED = ~Optional[int] if False else None
CHOICE = Optional[Literal["a"] if True else Literal["b"]]
LISTED = [Union[int, str], Optional[bytes]]
