from .impl import load

__all__ = ["load"]
