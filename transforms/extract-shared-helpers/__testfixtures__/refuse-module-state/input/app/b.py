_seen: dict[str, int] = {}


def _count(key: str) -> int:
    _seen[key] = _seen.get(key, 0) + 1
    return _seen[key]


def hit(key: str) -> int:
    return _count(key)
