from .impl import _load

__all__ = ["_load"]
