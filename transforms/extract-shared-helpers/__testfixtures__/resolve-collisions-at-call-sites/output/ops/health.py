"""Health report: `use_iam_auth` here is the report's own field, not the helper."""

from db.connection import use_iam_auth as use_connection_iam_auth


def use_iam_auth(report: dict) -> bool:
    return bool(report.get("iam"))


def health() -> dict:
    report = {"iam": use_connection_iam_auth()}
    return {"ok": True, "iam": use_iam_auth(report)}
