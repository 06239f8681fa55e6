"""`vnfacts batch`: many documents (folders, zip/tar archives, JSON Lines dumps) in parallel.

Heavy imports wait until the command runs, so `vnfacts extract` starts no slower.
"""
from __future__ import annotations

import os
import signal
import sys
from contextlib import ExitStack

import click

from .options import (EXIT_INPUT, ByteSize, EXIT_INTERRUPTED, EXIT_USAGE, load_extractor, output_options, parse_types, quiet_pipe,
                      rules_option, warn)



class UsageProblem(click.ClickException):
    """A problem with the command's arguments or output file: exit code 2."""

    exit_code = EXIT_USAGE


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of standard output.")
@output_options(("jsonl", "csv"), format_help="jsonl: one document per line; csv: one row per fact "
                                              "[default: csv for -o *.csv, else jsonl].")
@click.option("--workers", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: the number of CPUs].")
@click.option("--resume", is_flag=True, help="Skip documents already in the -o FILE and finish the run (with "
                                             "the same --types and --rules).")
@click.option("--overwrite", is_flag=True, help="Replace an existing -o FILE (without it, or --resume, an "
                                                "existing output is refused).")
@click.option("--stdin", "stdin_kind", type=click.Choice(["paths", "jsonl"]), default="paths", show_default=True,
              help='What "-" reads: paths (a list of inputs, one per line) or jsonl (articles as JSON Lines, '
                   "with --text-field, --id-field, --published-field).")
@click.option("--glob", "globs", multiple=True, metavar="PATTERN",
              help="Only documents whose path in a folder or archive matches, e.g. '2024/*/*.txt' (repeatable).")
@click.option("--text-field", default="text", show_default=True, help="JSON Lines: the field with the article text.")
@click.option("--id-field", default="id", show_default=True, help="JSON Lines: the field naming the record (its source).")
@click.option("--published-field", default="published", show_default=True,
              help="JSON Lines: the field with the ISO publication date.")
@click.option("--max-bytes", type=ByteSize(), default="20MB", show_default=True,
              help="Largest document (or JSON line) read; larger ones are error records.")
@click.option("--doc-timeout", type=click.FloatRange(min=0), default=120, show_default=True, metavar="SECONDS",
              help="Longest one document may take; a slower one is an error record (kind timeout) and the run "
                   "goes on. 0: no limit. Local runs only.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary on stderr.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run on a Dask cluster: its scheduler (tcp://HOST:8786), or local:N for N local worker "
                   "processes. -o then names an output folder (a path or URL) of part files. Needs vnfacts[dask].")
@click.option("--task-size", type=ByteSize(), default=None,
              help="With --scheduler: bytes of input per task [default: the run's size / 64, from 64K to 4MB].")
@click.option("--db", "db_path", metavar="FILE", help="Also load the -o output into the SQLite database FILE when "
                                                     "the run ends (vnfacts db build; needs vnfacts[db]).")
@rules_option
@quiet_pipe
def batch(inputs, output, fmt, types, workers, resume, overwrite, stdin_kind, globs, text_field, id_field,
          published_field, max_bytes, doc_timeout, quiet, scheduler, task_size, rule_paths, db_path=None):
    """Extract the facts of every document in INPUT...: text and HTML files, folders (recursive),
    .zip, .tar(.gz|.bz2|.xz), .tgz, .jsonl(.gz) and .ndjson dumps. "-" is standard input: a
    list of paths, one per line (--stdin paths, the default), or articles as JSON Lines
    (--stdin jsonl).

    Writes one JSON line per document (or per failed document, with an "error") in input order,
    each as soon as it is done; a document slower than --doc-timeout is an error record. With -o OUT, OUT.manifest.json says what made it (vnfacts
    version, rules hash, options) and its counts; an existing OUT is refused unless --resume or
    --overwrite is given. Exit code 0: all documents done; 1: some failed; 2: usage or rule
    errors; 130: interrupted (run again with --resume to finish).

    \b
    Examples:
      vnfacts batch news/ -o facts.jsonl
      vnfacts batch crawl.zip dumps/2024.jsonl.gz -o facts.jsonl --workers 4
      vnfacts batch news/ --glob '*.txt' -o facts.csv --types money,percent
      vnfacts batch news/ -o facts.jsonl --resume      # after a kill or Ctrl-C
      vnfacts batch dumps/ -o facts.jsonl --doc-timeout 30
      vnfacts batch news/ -o facts.jsonl --overwrite   # start again from nothing
      find news -name '*.txt' | vnfacts batch - -o facts.jsonl
      zcat dump.jsonl.gz | vnfacts batch - --stdin jsonl --text-field body -o facts.jsonl
      vnfacts batch 's3://bucket/crawl/*.zip' -o s3://bucket/facts/ --scheduler tcp://10.0.0.5:8786
      vnfacts batch news/ -o facts/ --scheduler local:4     # parts in facts/, then facts/_SUCCESS
      vnfacts batch news/ -o facts.jsonl --db facts.db        # and the database (docs/database.md)
    """
    from .db_cmd import check_batch_db, load_batch_output  # --db: the database hook, nothing else here

    check_batch_db(db_path, output, fmt)
    if resume and overwrite:
        raise click.UsageError("--resume and --overwrite exclude each other: finish the run, or start again")
    if scheduler or task_size:
        if stdin_kind != "paths" or overwrite:
            raise click.UsageError(f"{'--stdin jsonl' if stdin_kind != 'paths' else '--overwrite'} is for local runs, "
                                   "not with --scheduler")
        settings = _settings(globs, text_field, id_field, published_field, max_bytes)
        code = _run_on_cluster(inputs, settings, output=output, fmt=fmt, types=types, workers=workers,
                               resume=resume, quiet=quiet, rule_paths=rule_paths, scheduler=scheduler,
                               task_size=task_size)
        load_batch_output(db_path, output, code, quiet=quiet)
        if code:
            sys.exit(code)
        return
    fmt = fmt or ("csv" if output and output.lower().endswith(".csv") else "jsonl")
    if resume and output in (None, "-"):
        raise click.UsageError("--resume needs an output file (-o FILE) to resume")
    extractor = load_extractor(rule_paths)
    settings = _settings(globs, text_field, id_field, published_field, max_bytes)
    wanted = parse_types(types, extractor.ruleset.types)
    manifest = _start_manifest(inputs, settings, extractor, output=output, fmt=fmt, wanted=wanted, resume=resume,
                               overwrite=overwrite, rule_paths=rule_paths)
    code = _run(inputs, settings, extractor, output=output, fmt=fmt, wanted=wanted, workers=workers, resume=resume,
                quiet=quiet, rule_paths=rule_paths, stdin_kind=stdin_kind, manifest=manifest, doc_timeout=doc_timeout)
    load_batch_output(db_path, output, code, quiet=quiet)
    if code:
        sys.exit(code)


def _settings(globs, text_field, id_field, published_field, max_bytes):
    from ..batch import Settings

    return Settings(globs=tuple(globs), text_field=text_field, id_field=id_field,
                    published_field=published_field, max_bytes=max_bytes)


def _run_on_cluster(inputs, settings, *, output, fmt, types, workers, resume, quiet, rule_paths, scheduler,
                    task_size) -> int:
    """A run on a Dask cluster (vnfacts.batch.cluster); returns the exit code."""
    if not scheduler:
        raise click.UsageError("--task-size needs --scheduler")
    if output in (None, "-"):
        raise click.UsageError("--scheduler needs -o OUT, an output folder (a path or URL) for the part files")
    if fmt == "csv":
        raise click.UsageError("--format csv is not available with --scheduler: its parts are JSON Lines")
    if workers:
        raise click.UsageError("--workers is for local runs; with --scheduler, the cluster's workers do the work "
                               "(local:N starts N)")
    wanted = None
    if rule_paths or types:  # rule errors and unknown types are said here, once, not by every worker
        wanted = parse_types(types, load_extractor(rule_paths).ruleset.types)
    try:
        from ..batch.cluster import ClusterError, ClusterRun, Job, Rules, run_on_cluster
    except ImportError as exc:
        raise UsageProblem(f"--scheduler needs Dask and fsspec: pip install 'vnfacts[dask]' ({exc})") from None
    from ..batch.report import stderr_console
    from ..batch.workers import Stop

    console = stderr_console()
    job = Job(out=output, settings=settings, rules=Rules.read(rule_paths),
              types=tuple(sorted(wanted)) if wanted is not None else None)
    run = ClusterRun(tuple(inputs), job, scheduler, resume=resume, task_bytes=task_size)
    stop = Stop()
    try:
        with _on_interrupt(stop):
            return run_on_cluster(run, console, show=not quiet and console.is_terminal, quiet=quiet, stop=stop)
    except ClusterError as exc:
        raise UsageProblem(str(exc)) from None


def _start_manifest(inputs, settings, extractor, *, output, fmt, wanted, resume, overwrite, rule_paths):
    """Refuse an existing output without --resume or --overwrite, and a resume with other
    --types or --rules; then write OUT.manifest.json (None without -o FILE)."""
    from ..batch.manifest import LocalManifest, ManifestError, ruleset_hash, run_record

    if output in (None, "-") or not (os.path.isfile(output) or not os.path.exists(output)):
        return None  # stdout, or a device such as /dev/null: nothing to protect, nowhere to put a manifest
    if _nonempty(output) and not (resume or overwrite):
        raise UsageProblem(f"{output} already exists: --resume finishes the run that wrote it, --overwrite "
                           "replaces it")
    record = run_record(inputs, settings, wanted, rule_paths, fmt, ruleset_hash(extractor.ruleset.files))
    try:
        return LocalManifest.start(output, record, resume=resume)
    except ManifestError as exc:
        raise UsageProblem(str(exc)) from None
    except OSError as exc:
        raise UsageProblem(f"{output}: cannot write its manifest: {exc.strerror or exc}") from None


def _run(inputs, settings, extractor, *, output, fmt, wanted, workers, resume, quiet, rule_paths, stdin_kind,
         manifest, doc_timeout) -> int:
    """The run itself; returns the exit code."""
    from ..batch import Failure, Sources, Stop, default_workers, known_total, not_done, run, writer_for
    from ..batch.report import ProgressBar, Tally, stderr_console, summary
    from ..batch.resume import ResumeError, prepare
    from ..batch.writer import open_output

    before = Tally()  # what a resumed output already holds, for the manifest
    try:
        done = prepare(output, fmt, before) if resume else ()
    except (ResumeError, OSError) as exc:
        raise UsageProblem(str(exc)) from None
    header = fmt == "csv" and not (resume and _nonempty(output))
    console = stderr_console()
    show = not quiet and console.is_terminal
    tally, stop = Tally(), Stop()
    exclude = [output, output + ".manifest.json"] if output not in (None, "-") else []
    sources = Sources(inputs, settings, exclude=exclude, stdin_kind=stdin_kind)
    items = not_done(sources, done, on_skip=lambda _: _count_done(tally))
    with ExitStack() as stack:
        try:
            out = stack.enter_context(open_output(output, append=resume))
        except OSError as exc:
            raise UsageProblem(f"{output}: cannot write: {exc.strerror or exc}") from None
        stack.enter_context(_on_interrupt(stop))
        bar = stack.enter_context(ProgressBar(console, known_total(inputs, settings) if show else None, show))
        writer = writer_for(fmt, out, header=header)
        try:
            for result in run(items, workers=workers or default_workers(), rules=rule_paths,
                              extractor=extractor, stop=stop, doc_timeout=doc_timeout):
                failed = isinstance(result, Failure)
                if not failed:
                    result = result.only(wanted)
                tally.add(result)
                writer.write(result)
                if failed and fmt == "csv":  # CSV has no place for it: say it on stderr
                    bar.progress.console.print(f"vnfacts: error: {result.message}", markup=False, highlight=False,
                                              soft_wrap=True)
                bar.update(tally)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise click.ClickException(f"{output or 'stdout'}: cannot write: {exc.strerror or exc}") from None
    if manifest is not None:
        manifest.finish(tally, before, sources.skipped, complete=not stop.requested)
    if not quiet:
        console.print(summary(tally, sources.skipped))
    if stop.requested:
        where = f" to {output}; run again with --resume to finish" if output not in (None, "-") else ""
        warn(f"interrupted: {tally.documents} documents written{where}")
        return EXIT_INTERRUPTED
    return EXIT_INPUT if tally.failed else 0


def _count_done(tally) -> None:
    tally.already_done += 1


def _nonempty(path) -> bool:
    return path not in (None, "-") and os.path.exists(path) and os.path.getsize(path) > 0


class _on_interrupt:
    """Ctrl-C (or SIGTERM) sets `stop`: finished documents are written, then the run ends.
    A second Ctrl-C stops at once."""

    def __init__(self, stop):
        self.stop = stop
        self.saved = {}

    def _handle(self, signum, frame):
        if self.stop.requested:
            raise KeyboardInterrupt
        self.stop.set()

    def __enter__(self):
        for sig in (signal.SIGINT, signal.SIGTERM):
            self.saved[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc):
        for sig, handler in self.saved.items():
            signal.signal(sig, handler)
