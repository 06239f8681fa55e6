"""GET /: the review page. Paste text or open a file, see the highlighted view, click a fact to
mark it wrong, select text to add a missing fact, and export the article as a gold JSON Lines
row that `vnfacts eval` reads (docs/annotation.md). The page is one self-contained file (its
CSS and script inline) that talks only to the server it came from: nothing leaves the machine.

POST /review/extract is the page's own call: the `/extract` document plus the text its offsets
index (decoded, NFC: for an uploaded legacy-encoded or HTML file the client cannot know it),
the fact types and their colours.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..render.html import colour, stylesheet
from .routes import EXTRACT_BODY, JSONText, extract_article, read_article

router = APIRouter()


@lru_cache(maxsize=1)
def review_page() -> str:
    """The page: assets/review.html with the view's CSS, the colours and review.js put inline.

    >>> page = review_page()
    >>> "<script src" in page, "mark.fact" in page, 'id="export"' in page
    (False, True, True)
    """
    assets = files(__package__).joinpath("assets")
    script = assets.joinpath("review.js").read_text(encoding="utf-8")
    return (assets.joinpath("review.html").read_text(encoding="utf-8")
            .replace("/*VIEW_CSS*/", stylesheet())
            .replace("/*REVIEW_JS*/", script))


@router.get("/", include_in_schema=False, response_class=HTMLResponse)
async def review() -> HTMLResponse:
    return HTMLResponse(review_page())


@router.post("/review/extract", summary="The review page's call: the document and its text", openapi_extra=EXTRACT_BODY)
async def review_extract(request: Request):
    """As POST /extract, answered `{"text": <the text the offsets index>, "document": <the extract object>}`."""
    article = await read_article(request)
    doc = await extract_article(request, article)
    types = sorted(set(request.app.state.extractor.ruleset.types))
    return JSONText({"text": doc.text, "document": doc.to_dict(), "types": types,
                     "colours": {t: colour(t) for t in types}})
