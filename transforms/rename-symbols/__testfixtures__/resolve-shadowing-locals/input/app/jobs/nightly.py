"""Nightly maintenance: several functions hold the flag in a local of the new name."""

import logging

logger = logging.getLogger(__name__)


def vacuum(tables):
    from app.db.connection import _use_iam_auth

    done = []
    for table in tables:
        use_iam_auth = _use_iam_auth()
        if use_iam_auth and table.startswith("audit_"):
            logger.info("skipping %s under IAM auth", table)
            continue
        done.append(table)
    return done


def summary(tables):
    from app.db import connection

    flags = [connection._use_iam_auth() for _ in tables]
    return {"tables": len(tables), "iam": any(flags)}
