from __future__ import annotations

from typing import Optional as Opt, Union as U


def pick(a: Opt[int], b: U[int, str]) -> Opt[U[int, str]]:
    return None
