from typing import Any


def list_items() -> dict[str, Any]:
    return {"items": []}
