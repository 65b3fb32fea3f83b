def match(path):
    normalized = path.rstrip("/").lower()
    for route, kind, handler in _ROUTES:
        if normalized == route or (kind == "prefix" and normalized.startswith(route + "/")):
            return lambda: handler(path)
    return None


def public(path):
    return path


# Routes, tried in order: "exact" matches the path, "prefix" also the paths below it.
_ROUTES = (
    # Current URL.
    ("/public", "exact", public),
    # Legacy URL, still linked from partner sites.
    ("/pub", "prefix", public),
)
