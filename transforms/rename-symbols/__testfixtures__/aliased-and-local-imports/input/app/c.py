from .helpers import _helper as _helper

__all__ = ["_helper"]
