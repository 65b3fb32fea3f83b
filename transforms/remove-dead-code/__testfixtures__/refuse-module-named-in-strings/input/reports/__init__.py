"""Reporting: exports and scheduled summaries."""

from .exporter import export_csv  # re-exported for the CLI

__all__ = ["export_csv"]
