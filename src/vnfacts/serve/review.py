"""GET /: the review page (filled in by the review part)."""
from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

router = APIRouter()


@router.get("/", include_in_schema=False, response_class=HTMLResponse)
async def review_page():
    return HTMLResponse("<!DOCTYPE html><title>vnfacts</title><p>vnfacts serve</p>")
