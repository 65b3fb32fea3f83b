"""Helpers shared by the handlers."""

from svc.util.text import slugify

__all__ = ["slugify"]
