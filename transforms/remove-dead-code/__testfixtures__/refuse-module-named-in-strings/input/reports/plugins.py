import importlib


def load_partner():
    return importlib.import_module("reports.legacy_export")
