"""The endpoints. Each reads its body (bodies.py), extracts in the thread pool under the limits
(limits.py) and answers exactly what the CLI prints: /extract the `vnfacts extract --format json`
object (or the html view), /batch one JSON line per article as `vnfacts batch` writes them.
"""
from __future__ import annotations

import itertools
import os
from dataclasses import replace
from typing import AsyncIterator

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse

from .. import __version__
from ..batch.records import Failure
from ..errors import RuleTimeout
from ..model import Document
from ..render.html import html as html_view
from ..render.json import dumps
from ..rules.describe import rule_summary
from ..suggest import closest
from .bodies import (JSON_TYPES, JSONL_TYPES, Article, article_from_bytes, article_from_json, batch_items,
                     media_type, parse_json)
from .problems import ApiError

router = APIRouter()

_TEXT = {"type": "string", "description": "The article, plain text (NFC or not)."}
_ARTICLE = {
    "type": "object", "required": ["text"],
    "properties": {
        "text": _TEXT,
        "published": {"type": "string", "format": "date", "description": "Reference date YYYY-MM-DD for partial dates."},
        "types": {"oneOf": [{"type": "array", "items": {"type": "string"}}, {"type": "string"}],
                  "description": "Only these fact types (a list or \"money,percent\")."},
        "format": {"enum": ["json", "html"], "default": "json"},
        "id": {"type": "string", "description": "The document's `source` in the answer."},
    },
}
EXTRACT_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": _ARTICLE},
    "text/plain": {"schema": _TEXT},
    "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
        "file": {"type": "string", "format": "binary", "description": ".txt or .html, any encoding vnfacts reads"},
        "published": {"type": "string"}, "types": {"type": "string"}, "format": {"type": "string"}}}},
}}}
BATCH_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"type": "array", "items": _ARTICLE}},
    "application/x-ndjson": {"schema": _ARTICLE, "description": "One article object per line."},
}}}
_DOC = {"description": "The `vnfacts extract --format json` object (schema/document.schema.json)",
        "content": {"application/json": {}, "text/html": {}}}
_ERROR = {"description": "A one-line error: {\"error\": {\"status\", \"kind\", \"message\"}}"}
ERRORS = {s: _ERROR for s in (400, 413, 415, 422, 503, 504)}


class JSONText(Response):
    """JSON written by vnfacts.dumps: exact decimals, UTF-8, as the CLI writes it."""
    media_type = "application/json"

    def render(self, content) -> bytes:
        return (dumps(content, indent=2) + "\n").encode("utf-8")


@router.post("/extract", summary="Facts of one article", openapi_extra=EXTRACT_BODY,
             responses={200: _DOC, **ERRORS})
async def extract(request: Request,
                  published: str | None = Query(None, description="For text/plain and uploads: YYYY-MM-DD"),
                  types: str | None = Query(None, description="For text/plain and uploads: money,percent"),
                  format: str = Query("json", description="For text/plain and uploads: json or html"),
                  id: str | None = Query(None, description="For text/plain: the document's source")):
    """One article: a JSON object `{"text", "published"?, "types"?, "format"?}`, a `text/plain`
    body, or a file upload (`file`: .txt or .html in any encoding vnfacts reads)."""
    article = await read_article(request, published=published, types=types, fmt=format, source=id)
    doc = await extract_article(request, article)
    if article.format == "html":
        return HTMLResponse(html_view(doc))
    return JSONText(doc.to_dict())


async def read_article(request: Request, *, published=None, types=None, fmt="json", source=None) -> Article:
    """The article of a request body, by its content type (query values for text and uploads)."""
    kind = media_type(request.headers.get("content-type"))
    if kind in JSON_TYPES:
        return article_from_json(parse_json(await request.body()))
    if kind.startswith("text/"):
        name = source or ("-.html" if kind == "text/html" else "-")
        article = article_from_bytes(await request.body(), name, published=published, types=types, fmt=fmt)
        return replace(article, source=source)
    if kind == "multipart/form-data":
        return await _upload(request)
    raise ApiError(415, "unsupported_type", f"content type {kind or 'missing'!r}: send application/json, "
                                            "text/plain or multipart/form-data")


async def extract_article(request: Request, article: Article) -> Document:
    """The document of an article, extracted in the pool under the limits."""
    state = request.app.state
    return await state.runner.run(lambda: _extract(state.extractor, article))


async def _upload(request: Request) -> Article:
    form = await request.form()
    upload = form.get("file")
    if upload is None or isinstance(upload, str):
        raise ApiError(422, "invalid", "multipart body: no \"file\" part with the article")
    data = await upload.read()
    return article_from_bytes(data, upload.filename or "-", published=form.get("published"),
                              types=form.get("types"), fmt=form.get("format") or "json")


@router.post("/batch", summary="Facts of many articles, as JSON Lines", openapi_extra=BATCH_BODY,
             responses={200: {"description": "One line per article: its document, or its error record",
                              "content": {"application/x-ndjson": {}}}, **ERRORS})
async def batch(request: Request, types: str | None = Query(None, description="Only these fact types, for every article")):
    """A JSON array or JSON Lines of articles (`{"text", "id"?, "published"?, "types"?}`) → one
    JSON line per article, in order, streamed as each is done; an article that cannot be done is
    its error record (`{"source", "error": {"kind", "message"}}`, as `vnfacts batch` writes)."""
    kind = media_type(request.headers.get("content-type"))
    if kind not in JSON_TYPES + JSONL_TYPES + ("text/plain",):
        raise ApiError(415, "unsupported_type", f"content type {kind or 'missing'!r}: send a JSON array "
                                                "(application/json) or JSON Lines (application/x-ndjson)")
    items = batch_items(await request.body(), kind)
    first = next(items, None)  # a body that is not JSON at all is refused before the stream starts
    if first is None:
        raise ApiError(400, "empty_body", "no articles in the body")
    if isinstance(first, ApiError) and kind in JSON_TYPES:
        raise first
    state = request.app.state

    async def lines() -> AsyncIterator[bytes]:
        for n, item in enumerate(itertools.chain([first], items), 1):
            yield (dumps(await _batch_one(state, n, item, types)) + "\n").encode("utf-8")

    return StreamingResponse(lines(), media_type="application/x-ndjson")


async def _batch_one(state, n: int, item, types: str | None) -> dict:
    source = f"batch:{n}"
    if isinstance(item, ApiError):
        return Failure(source, item.record, f"{source}: {item.message}").to_dict()
    if isinstance(item, dict) and item.get("id") is not None:
        source = str(item["id"])
    try:
        article = article_from_json(item, where=source)
        if types and article.types is None:
            article = article_from_json({**item, "types": types}, where=source)
        if article.source is None:
            article = replace(article, source=source)
        doc = await state.runner.run(lambda: _extract(state.extractor, article), queue=True)
        return doc.to_dict()
    except ApiError as exc:
        kind = exc.kind if exc.kind in ("timeout", "rule_timeout") else exc.record
        return Failure(source, kind, exc.message).to_dict()


def _extract(extractor, article: Article) -> Document:
    """Runs in a pool thread: the pipeline, the type filter, the encoding as extract reports it."""
    wanted = _known_types(extractor, article.types)
    try:
        doc = extractor.extract(article.text, published=article.published, source=article.source)
    except RuleTimeout as exc:
        raise ApiError(504, "rule_timeout", f"a rule ran past its time limit: {exc}") from None
    if article.encoding:
        doc = replace(doc, meta={**doc.meta, "encoding": article.encoding})
    return doc.only(wanted)


def _known_types(extractor, types: tuple[str, ...] | None) -> set[str] | None:
    if types is None:
        return None
    known = sorted(set(extractor.ruleset.types))
    for t in types:
        if t not in known:
            near = closest(t, known)
            hint = f"did you mean {near!r}? " if near else ""
            raise ApiError(422, "invalid", f"unknown fact type {t!r} ({hint}known: {', '.join(known)})")
    return set(types)


@router.get("/health", summary="Is the server up")
async def health(request: Request):
    """`{"status": "ok", ...}` with the version, the rules loaded and this worker's process id."""
    state = request.app.state
    return {"status": "ok", "version": __version__, "rules": len(state.extractor.ruleset.rules),
            "types": sorted(set(state.extractor.ruleset.types)), "pending": state.runner.pending, "pid": os.getpid()}


@router.get("/rules", summary="The rules loaded")
async def rules(request: Request, types: str | None = Query(None, description="Only rules of these fact types")):
    """Every rule as `vnfacts rules list --format json` lists it."""
    extractor = request.app.state.extractor
    wanted = _known_types(extractor, tuple(t.strip() for t in types.split(",") if t.strip()) if types else None)
    return [rule_summary(r) for r in extractor.ruleset.rules if wanted is None or r.type in wanted]
