from .helpers import helper as helper

__all__ = ["helper"]
