from typing import Optional, Union


def area(w: Union[int, float], h: Optional[float] = None) -> float:
    return w * (h or w)
