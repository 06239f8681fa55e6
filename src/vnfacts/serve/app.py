"""The FastAPI application: rules and models loaded once per worker process at start-up.

FastAPI rather than Starlette alone: the OpenAPI schema and the docs page come with it, and
newsroom tools generate clients from /openapi.json. uvicorn runs it (`vnfacts serve`).

>>> app = create_app(ServeSettings(max_body=1024))
>>> sorted(p for p in app.openapi()["paths"])
['/batch', '/extract', '/health', '/review/extract', '/rules']
"""
from __future__ import annotations

import os
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from .. import __version__
from ..extractor import Extractor
from . import problems
from .limits import BodyLimit, Runner, ServeSettings
from .review import router as review_router
from .routes import router

#: How `vnfacts serve --workers N` hands its settings to each worker process.
SETTINGS_ENV = "VNFACTS_SERVE_SETTINGS"


def create_app(settings: ServeSettings | None = None) -> FastAPI:
    """The app for `settings`; the extractor is loaded when the app starts (its lifespan)."""
    settings = settings or ServeSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.extractor = Extractor(settings.rules)
        app.state.extractor.extract("Ngày 2/9/2024, tỉnh chi 5 tỷ đồng.")  # load the tokenizer models now
        app.state.runner = Runner(settings)
        yield
        app.state.runner.close()

    app = FastAPI(title="vnfacts", version=__version__, lifespan=lifespan,
                  description="Facts from Vietnamese government news: dates, officials, percentages, money, "
                              "counts, with exact offsets. The answers are the `vnfacts extract --format json` "
                              "objects (schema/document.schema.json).")
    app.state.settings = settings
    problems.install(app)
    app.include_router(router)
    app.include_router(review_router)
    app.add_middleware(BodyLimit, max_body=settings.max_body)
    if settings.cors:  # no CORS unless asked: the review page is served from the same origin
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors), allow_methods=["GET", "POST"],
                           allow_headers=["Content-Type"])
    return app


def app_from_env() -> FastAPI:
    """uvicorn's factory for each worker process: the settings `vnfacts serve` put in the environment."""
    raw = os.environ.get(SETTINGS_ENV)
    return create_app(ServeSettings.from_json(raw) if raw else None)
