import re

_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")


def check_identifier(name: str) -> str:
    if not _IDENTIFIER.fullmatch(name):
        raise ValueError(f"not an identifier: {name!r}")
    return name
