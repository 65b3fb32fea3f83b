import importlib

mod = importlib.import_module("app.m")
factory = getattr(mod, "make")
NAMES = ["make"]
