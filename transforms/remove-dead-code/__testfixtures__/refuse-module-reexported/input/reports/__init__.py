"""Reporting: exports and scheduled summaries."""

from .exporter import export_csv  # re-exported for the CLI
from . import legacy_export

__all__ = ["export_csv"]
