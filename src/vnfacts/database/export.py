"""Every table of a database as a Parquet file (pyarrow), for DuckDB, Spark and pandas at scale.

Rows are streamed a batch at a time, so memory stays flat however large the table. Column types
come from the table's declaration: INTEGER as int64, TEXT as string, and the numeric columns
declared ANY (`number`, `upper`) as decimal(38, 9), exact for integers and amounts alike.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import sqlite_utils

#: Tables exported (the FTS indexes and their shadow tables are SQLite's own); `texts` when
#: the database has it (`db build --text`).
TABLES = ("documents", "facts", "people", "mentions", "offices", "tenures", "texts")
_ROWS = 20_000


def _arrow_type(declared: str):
    import pyarrow as pa

    declared = (declared or "").upper()
    if declared == "INTEGER":
        return pa.int64()
    if declared in ("ANY", "NUMERIC", "REAL", "FLOAT"):
        return pa.decimal128(38, 9)
    return pa.string()


def _exact(value):
    if value is None or isinstance(value, str):
        return None if value is None else Decimal(value)
    return Decimal(value) if isinstance(value, int) else Decimal(repr(value))


def export(db: sqlite_utils.Database, folder: str | Path) -> dict[str, int]:
    """Write `folder/<table>.parquet` for every table; returns the rows written per table.

    >>> import tempfile
    >>> from .schema import create
    >>> db = sqlite_utils.Database(memory=True); create(db)
    >>> export(db, tempfile.mkdtemp())["facts"]
    0
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for table in (t for t in TABLES if t in db.table_names()):
        columns = [(c.name, c.type) for c in db[table].columns]
        schema = pa.schema([(name, _arrow_type(kind)) for name, kind in columns])
        decimal = [i for i, (_, kind) in enumerate(columns) if pa.types.is_decimal(_arrow_type(kind))]
        cursor = db.execute(f"select {', '.join(f'[{n}]' for n, _ in columns)} from [{table}] order by rowid")
        count = 0
        with pq.ParquetWriter(folder / f"{table}.parquet", schema, compression="zstd") as writer:
            while rows := cursor.fetchmany(_ROWS):
                data = [list(col) for col in zip(*rows)]
                for i in decimal:
                    data[i] = [_exact(v) for v in data[i]]
                writer.write_table(pa.Table.from_arrays(data, schema=schema))
                count += len(rows)
        written[table] = count
    return written
