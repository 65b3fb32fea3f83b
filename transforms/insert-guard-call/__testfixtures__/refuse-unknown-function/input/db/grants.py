"""DDL helpers for the reporting schema (run from migrations)."""

from __future__ import annotations

from typing import Optional, Protocol

READER_ROLE = "reader"


class Executor(Protocol):
    def execute(self, sql: str) -> object: ...


def grant_select(op: Executor, table_name: str, role: str = READER_ROLE) -> None:
    """Let ``role`` read ``table_name``."""
    op.execute(f"GRANT SELECT ON {table_name} TO {role}")


def revoke_select(op: Executor, table_name: str, role: Optional[str] = None) -> None:
    # Without a role, revoke from the default reader.
    target = role or READER_ROLE
    op.execute(f"REVOKE SELECT ON {table_name} FROM {target}")


def create_view(op, view_name, table_name, where=None):
    """``CREATE VIEW view AS SELECT * FROM table [WHERE ...]``."""
    sql = f"CREATE VIEW {view_name} AS SELECT * FROM {table_name}"
    if where:
        sql += f" WHERE {where}"
    op.execute(sql)


def comment_on(op: Executor, *, table_name: str, text: str) -> None:
    op.execute(f"COMMENT ON TABLE {table_name} IS '{text}'")


def vacuum(op: Executor) -> None:
    op.execute("VACUUM ANALYZE")
