import logging
import sys
import warnings
from contextlib import suppress
from typing import TYPE_CHECKING

logger = logging.getLogger(__name__)


def optional_driver():
    try:
        import sqlite3
    except ImportError:
        sqlite3 = None
    return sqlite3


def fast_json():
    try:
        import ujson as json  # faster when the wheel is installed
    except (ImportError, AttributeError):
        import json
    return json


def typed():
    if TYPE_CHECKING:
        from decimal import Decimal

        amounts: list[Decimal] = []
    return None


def platform_specific(flag):
    if flag:
        import winreg
    return flag


def read_config(path):
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    with open(path, "rb") as handle:
        return tomllib.load(handle)


def plist_defaults(path):
    if sys.platform == "darwin":
        import plistlib

        with open(path, "rb") as handle:
            return plistlib.load(handle)
    return {}


def enable_history():
    with suppress(ImportError):
        import readline

        readline.parse_and_bind("tab: complete")


def legacy_forms(environ):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import cgi

        return cgi.FieldStorage(environ=environ)


def can_compress():
    try:
        import lzma
    except Exception:
        return False
    return lzma is not None


def snapshot(db_path):
    try:
        import sqlite3

        with sqlite3.connect(db_path) as conn:
            return conn.execute("select count(*) from jobs").fetchone()
    except Exception:
        logger.exception("No snapshot of %s", db_path)
        return None
