from typing import TYPE_CHECKING


def optional_driver():
    try:
        import sqlite3
    except ImportError:
        sqlite3 = None
    return sqlite3


def typed():
    if TYPE_CHECKING:
        from decimal import Decimal
    return None


def platform_specific(flag):
    if flag:
        import winreg
    return flag
