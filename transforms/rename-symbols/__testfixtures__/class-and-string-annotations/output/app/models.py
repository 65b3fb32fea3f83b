"""Models. `_Widget` is the base of everything here."""

from __future__ import annotations


class Widget:
    # A _Widget knows its parent.
    parent: "Widget | None" = None

    def clone(self) -> "Widget":
        return Widget()


def build(items: "list[Widget]") -> dict[str, Widget]:
    return {str(i): w for i, w in enumerate(items) if isinstance(w, Widget)}
