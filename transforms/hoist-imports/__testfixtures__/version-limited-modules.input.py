"""Scheduling helpers for the venue kiosks."""

from datetime import datetime


def venue_now(name):
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo(name))


def load_settings(path):
    import tomllib

    with open(path, "rb") as handle:
        return tomllib.load(handle)


def legacy_module_path(name):
    import imp

    return imp.find_module(name)


def lock(handle):
    import fcntl

    fcntl.flock(handle, fcntl.LOCK_EX)
