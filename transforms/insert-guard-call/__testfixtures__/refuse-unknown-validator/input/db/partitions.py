from db.names import check_identifier


def attach_partition(op, table_name: str, partition_name: str | None = None) -> None:
    check_identifier(table_name)
    partition = partition_name or f"{table_name}_default"
    op.execute(f"ALTER TABLE {table_name} ATTACH PARTITION {partition} DEFAULT")


def detach_partition(op, table_name: str, partition_name: str) -> None:
    op.execute(f"ALTER TABLE {table_name} DETACH PARTITION {partition_name}")


def drop_partition(op, partition_name): op.execute(f"DROP TABLE {partition_name}")
