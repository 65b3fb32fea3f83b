"""Scheduled jobs; each job module is loaded by name when its schedule fires."""

import importlib
import logging

logger = logging.getLogger(__name__)

JOBS = {
    "nightly": "reports.legacy_exporter",  # the renamed job module, not the old export
    "weekly": "reports.exporter",
}


def run_job(name, rows):
    module = importlib.import_module(JOBS[name])
    logger.info("running %s", name)
    # the legacy_export module used to be listed here too
    return module.export_csv(rows) if hasattr(module, "export_csv") else None
