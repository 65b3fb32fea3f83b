"""Module b."""

import re

_SPACES = re.compile(r"\s+")


def title(text: str) -> str:
    return _clean(text).title()


# Same helper, written a bit differently.
def _clean(value:str)->str:
    return _SPACES.sub(' ', value).strip()  # collapse
