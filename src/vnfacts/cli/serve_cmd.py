"""`vnfacts serve`: the extractor over HTTP, the review page at /."""
from __future__ import annotations

import os

import click

from .options import rules_option


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; 0.0.0.0 opens the server to the network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes, each with the rules loaded once.")
@click.option("--threads", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Extraction threads per worker (requests in flight beyond them wait).")
@click.option("--max-body", default=20, show_default=True, type=click.FloatRange(0, min_open=True), metavar="MB",
              help="Largest request body in MB (413 beyond).")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(0, min_open=True), metavar="SECONDS",
              help="Time limit per article (504 beyond).")
@click.option("--max-pending", default=64, show_default=True, type=click.IntRange(1),
              help="Articles that may wait for a thread per worker (503 beyond).")
@click.option("--cors", multiple=True, metavar="ORIGIN", help="Allow this origin to call the API from a browser "
                                                              "(repeatable; no CORS unless given).")
@rules_option
def serve_command(host, port, workers, threads, max_body, timeout, max_pending, cors, rule_paths):
    """Serve the extractor over HTTP: POST /extract, POST /batch, GET /health, GET /rules,
    GET /openapi.json and /docs; GET / is the review page.

    \b
    Examples:
      vnfacts serve                                  # http://127.0.0.1:8000/
      vnfacts serve --port 8080 --workers 2
      curl -s localhost:8000/extract -H 'content-type: text/plain' --data-binary @article.txt
      curl -s localhost:8000/extract -F file=@page.html
    """
    try:
        import uvicorn

        from ..serve.app import SETTINGS_ENV
        from ..serve.limits import MB, ServeSettings
    except ImportError as exc:
        raise click.ClickException(f"vnfacts serve needs FastAPI and uvicorn ({exc.name} is missing): "
                                   "pip install 'vnfacts[serve]'") from None
    from .options import load_extractor

    load_extractor(rule_paths)  # rule files with problems stop here, one line each, exit 2
    _check_bind(host, port)
    settings = ServeSettings(max_body=int(max_body * MB), timeout=timeout, threads=threads,
                             max_pending=max_pending, rules=tuple(rule_paths), cors=tuple(cors))
    os.environ[SETTINGS_ENV] = settings.to_json()
    click.echo(f"vnfacts: serving on http://{host}:{port}/ ({workers} worker{'s' if workers > 1 else ''}); "
               "Ctrl-C stops", err=True)
    uvicorn.run("vnfacts.serve.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level="warning", access_log=False)


def _check_bind(host: str, port: int) -> None:
    """A port in use or an address not ours is one line, exit 1, before uvicorn's own logging."""
    import socket

    try:
        with socket.create_server((host, port), reuse_port=False):
            pass
    except OSError as exc:
        reason = os.strerror(exc.errno) if exc.errno else str(exc)
        raise click.ClickException(f"cannot serve on {host}:{port}: {reason}") from None
