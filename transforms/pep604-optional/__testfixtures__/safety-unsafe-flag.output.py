def area(w: int | float, h: float | None = None) -> float:
    return w * (h or w)
