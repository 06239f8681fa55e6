"""`vnfacts db build|metadata|export`: the analyst's database (SQLite, docs/database.md), and the
`--db` hook of `vnfacts batch`. Needs the `db` extra; heavy imports wait until a command runs."""
from __future__ import annotations

import os
import sys

import click

from ..render.json import dumps
from .options import EXIT_INTERRUPTED, EXIT_USAGE, quiet_pipe, warn


class DatabaseProblem(click.ClickException):
    """A database or input problem (not vnfacts output, not a vnfacts database): exit code 2."""

    exit_code = EXIT_USAGE


def db_option(*, exists: bool):
    """--db FILE; `exists`: the database must be there already (queries, metadata, export)."""
    def decorate(fn):
        return click.option("--db", "db_path", required=True, metavar="FILE",
                            type=click.Path(dir_okay=False, exists=exists),
                            help="The SQLite database file" + (" (made by vnfacts db build)." if exists
                                                               else " (created when new)."))(fn)
    return decorate


def database_modules():
    """The database package, or a one-line error saying which extra to install."""
    try:
        import sqlite_utils  # noqa: F401
        from .. import database
    except ImportError as exc:
        raise DatabaseProblem(f"the database commands need sqlite-utils: pip install 'vnfacts[db]' ({exc})") from None
    return database


def open_existing(db_path: str):
    """A vnfacts database to read: anything else is a one-line error (exit 2)."""
    database_modules()
    import sqlite3

    import sqlite_utils

    from ..database.schema import schema_version

    db = sqlite_utils.Database(db_path)
    try:
        version = schema_version(db)
    except sqlite3.DatabaseError as exc:
        raise DatabaseProblem(f"{db_path}: not an SQLite database ({exc})") from None
    if version is None:
        raise DatabaseProblem(f"{db_path}: not a vnfacts database (make one with vnfacts db build)")
    return db


def load(db_path: str, inputs: list[str], *, quiet: bool = False, batch: int | None = None, text: bool = False):
    """Build or update `db_path` from `inputs`; a problem is a DatabaseProblem, Ctrl-C exit 130."""
    database_modules()
    from ..database.load import BATCH, build
    from ..database.read import NotVnfactsOutput

    try:
        report = build(db_path, list(inputs), batch=batch or BATCH, text=text)
    except NotVnfactsOutput as exc:
        raise DatabaseProblem(str(exc)) from None
    except KeyboardInterrupt:
        warn(f"interrupted: {db_path} holds the batches written so far; run again to complete it")
        sys.exit(EXIT_INTERRUPTED)
    if not quiet:
        warn(f"{db_path}: {report.summary()}")
    return report


def check_batch_db(db_path: str | None, output: str | None, fmt: str | None) -> None:
    """`vnfacts batch --db F` loads the -o file when the run ends: it needs one, in JSON Lines."""
    if not db_path:
        return
    if output in (None, "-"):
        raise click.UsageError("--db needs -o OUT: the JSON Lines file it loads when the run ends")
    if fmt == "csv" or (fmt is None and output.lower().endswith(".csv")):
        raise click.UsageError("--db loads JSON Lines: give -o OUT.jsonl (not --format csv)")
    database_modules()
    # Said before the run, not after an hour of extraction.
    if os.path.exists(db_path):
        open_existing(db_path).close()
    elif not os.path.isdir(os.path.dirname(os.path.abspath(db_path))):
        raise DatabaseProblem(f"{db_path}: cannot open: no such folder")


def load_batch_output(db_path: str | None, output: str, code: int, *, quiet: bool) -> None:
    """The `batch --db` hook: after a run that was not interrupted, load its output."""
    if db_path and code != EXIT_INTERRUPTED and os.path.exists(output):
        load(db_path, [output], quiet=quiet)


@click.group("db")
def db_group():
    """Build the analyst's database (SQLite) from batch output, describe it for Datasette, export it
    as Parquet. docs/database.md has the tables and example queries.

    \b
    Examples:
      vnfacts db build facts.jsonl more.jsonl.gz cluster-out/ --db facts.db
      vnfacts db metadata --db facts.db > metadata.json && datasette facts.db -m metadata.json
      vnfacts db export --db facts.db --parquet parquet/
    """


@db_group.command("build")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@db_option(exists=False)
@click.option("--batch", "batch", type=click.IntRange(min=1), default=None, metavar="N",
              help="Documents per transaction [default: 500].")
@click.option("--text", "text", is_flag=True, help="Also store each article's text (read again from its source "
                                                 "file) with a full-text index: texts, texts_fts.")
@click.option("--quiet", "-q", is_flag=True, help="No summary on stderr.")
@quiet_pipe
def build_command(inputs, db_path, batch, text, quiet):
    """Load vnfacts batch output into --db FILE: .jsonl and .jsonl.gz files, and folders of a cluster
    run's part-*.jsonl.gz. Every line is checked first: one that is not vnfacts output is an error
    naming its file and line, and nothing is written. Re-running updates the database: unchanged
    documents stay, changed ones are replaced, none is doubled; a killed build keeps the batches
    it finished and a re-run completes it. Then the people, offices and tenures are rebuilt.
    Exit code 0: loaded; 2: an input or the database is not vnfacts'; 130: interrupted.

    \b
    Examples:
      vnfacts db build facts.jsonl --db facts.db
      vnfacts db build facts.jsonl more.jsonl.gz cluster-out/ --db facts.db
      vnfacts db build facts.jsonl --db facts.db --text     # and the articles' text, searchable
    """
    load(db_path, list(inputs), quiet=quiet, batch=batch, text=text)


@db_group.command("metadata")
@db_option(exists=True)
@quiet_pipe
def metadata_command(db_path):
    """Datasette metadata for --db FILE (table and column descriptions, suggested facets) on stdout.

    \b
    Examples:
      vnfacts db metadata --db facts.db > metadata.json
      datasette facts.db -m metadata.json
    """
    open_existing(db_path)
    from ..database.metadata import metadata

    click.echo(dumps(metadata(db_path), indent=2))


@db_group.command("export")
@db_option(exists=True)
@click.option("--parquet", "folder", required=True, metavar="DIR", type=click.Path(file_okay=False),
              help="Write DIR/<table>.parquet for every table.")
@click.option("--quiet", "-q", is_flag=True, help="No summary on stderr.")
@quiet_pipe
def export_command(db_path, folder, quiet):
    """One Parquet file per table of --db FILE (pyarrow), for DuckDB, Spark and pandas.

    \b
    Examples:
      vnfacts db export --db facts.db --parquet parquet/
      duckdb -c "select type, count(*) from 'parquet/facts.parquet' group by type"
    """
    db = open_existing(db_path)
    try:
        from ..database.export import export
        written = export(db, folder)
    except ImportError as exc:
        raise DatabaseProblem(f"--parquet needs pyarrow: pip install 'vnfacts[db]' ({exc})") from None
    except OSError as exc:
        raise DatabaseProblem(f"{folder}: cannot write: {exc.strerror or exc}") from None
    if not quiet:
        warn(f"{folder}: " + ", ".join(f"{table} {n} rows" for table, n in written.items()))
