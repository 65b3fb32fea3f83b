"""Tag filters for the catalogue search."""

from __future__ import annotations

from typing import Iterable
import re

MAX_TAGS = 20


def split_tags(raw: str | None) -> list[str]:
    if not raw:
        return []
    return [part.strip() for part in raw.split(",") if part.strip()]


def normalise_tag(tag: str) -> str:
    """Lower-case, single spaces, no punctuation around the words."""
    return re.sub(r"\s+", " ", tag.strip(" .,;").lower())


def tag_filter(raw: str | None) -> set[str]:
    tags = split_tags(raw)
    if len(tags) > MAX_TAGS:
        raise ValueError(f"at most {MAX_TAGS} tags")
    return {tag.lower() for tag in tags}


def describe(tags: Iterable[str]) -> str:
    return ", ".join(sorted(tags))
