"""Retry helpers."""

MAX_ATTEMPTS = 3
