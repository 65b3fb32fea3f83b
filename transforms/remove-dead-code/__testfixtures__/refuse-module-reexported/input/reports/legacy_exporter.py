"""The nightly job: the current CSV export under the job's own name."""

from reports.exporter import export_csv

__all__ = ["export_csv"]
