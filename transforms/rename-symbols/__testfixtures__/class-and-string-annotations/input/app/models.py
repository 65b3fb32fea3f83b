"""Models. `_Widget` is the base of everything here."""

from __future__ import annotations


class _Widget:
    # A _Widget knows its parent.
    parent: "_Widget | None" = None

    def clone(self) -> "_Widget":
        return _Widget()


def build(items: "list[_Widget]") -> dict[str, _Widget]:
    return {str(i): w for i, w in enumerate(items) if isinstance(w, _Widget)}
