"""`vnfacts serve`: the extractor over HTTP (FastAPI on uvicorn), rules loaded once per worker.

    POST /extract   one article (JSON, text/plain or a file upload) -> the `extract --format json` object
    POST /batch     a JSON array or JSON Lines of articles -> JSON Lines, streamed
    GET  /health    GET /rules    GET /openapi.json    GET /docs    GET / (the review page)

limits.py holds the body and time limits, problems.py the one-line JSON errors, bodies.py
reads what a client sends, routes.py answers, app.py puts them together.
"""
from .app import create_app
from .limits import ServeSettings

__all__ = ["ServeSettings", "create_app"]
