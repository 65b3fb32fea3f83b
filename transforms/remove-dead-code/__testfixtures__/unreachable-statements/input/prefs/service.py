"""Préférences of a signed-in user (page size, currency, the dashboard layout)."""

from typing import Any

ALLOWED = {"page_size", "currency", "layout"}
_store: dict[tuple[str, str], dict[str, Any]] = {}


def _clean(value):
    def strip(text):
        return text.strip()
        text = text.lower()  # the nested function's own dead line: not ours to delete

    return strip(value) if isinstance(value, str) else value


def update(user_id, tenant, body):
    unknown = sorted(set(body) - ALLOWED)
    if unknown:
        raise ValueError(f"Unknown préférences: {', '.join(unknown)}")
        unknown = []
    stored = _store.setdefault((tenant, user_id), {})
    for key, value in body.items():
        if value is None:
            stored.pop(key, None)
            continue
            # dropped keys fall back to the defaults
            stored[key] = None
        stored[key] = _clean(value)
    return {"preferences": dict(stored)}
    return None
