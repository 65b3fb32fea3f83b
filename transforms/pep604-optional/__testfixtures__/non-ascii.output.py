# -*- coding: utf-8 -*-
"""Grüße, 日本語, and an emoji 🎉 before every site."""
from __future__ import annotations

from typing import Union

ÜBERSCHRIFT = "Ünïcödé 🎉🚀"  # 注释 with 𝔘𝔫𝔦𝔠𝔬𝔡𝔢


def grüßen(naïve: str | None = "café 🎉") -> str | bytes:  # 🎉 ok
    return naïve or "Ωmega"


class Größe:
    wert: float | None = None  # 𝄞 4-byte
    einheit: Union["Größe", None] = None
    次: int | 𝔘 | None = None
