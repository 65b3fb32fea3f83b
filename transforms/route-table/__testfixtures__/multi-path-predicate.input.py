def match(path):
    if _is_public(path):
        return lambda: public(path)
    return None


def _is_public(path):
    """Public pages, old and new."""
    normalized = path.rstrip("/").lower()
    # Current URL.
    if normalized == "/public":
        return True
    # Legacy URL, still linked from partner sites.
    return normalized == "/pub" or normalized.startswith("/pub/")


def public(path):
    return path
