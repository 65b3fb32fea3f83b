"""CSV export of the ledger (the current one)."""

import csv
import io


def export_csv(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue()
