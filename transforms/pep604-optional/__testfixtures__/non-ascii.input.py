# -*- coding: utf-8 -*-
"""Grüße, 日本語, and an emoji 🎉 before every site."""
from __future__ import annotations

from typing import Optional, Union

ÜBERSCHRIFT = "Ünïcödé 🎉🚀"  # 注释 with 𝔘𝔫𝔦𝔠𝔬𝔡𝔢


def grüßen(naïve: Optional[str] = "café 🎉") -> Union[str, bytes]:  # 🎉 ok
    return naïve or "Ωmega"


class Größe:
    wert: Optional[float] = None  # 𝄞 4-byte
    einheit: Union["Größe", None] = None
    次: Optional[Union[int, 𝔘]] = None
