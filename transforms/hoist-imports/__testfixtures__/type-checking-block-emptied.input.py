from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # Only for the annotation of parse_when.
    from datetime import date


def parse_when(raw: Any) -> "date | None":
    if raw:
        from datetime import date

        return date.fromisoformat(raw)
    return None
