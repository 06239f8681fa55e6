"""Errors as one-line JSON, never a traceback: `{"error": {"status", "kind", "message"}}`.

The kinds: bad_json and empty_body (400), too_large (413), unsupported_type and binary (415),
invalid (422: wrong field types, unknown fact types, bad dates), busy (503, retry), timeout
(504), internal (500, a bug). The server stays up whatever the request.
"""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("vnfacts.serve")


class ApiError(Exception):
    """A request the server refuses: its HTTP status, a kind and a one-line message.

    >>> e = ApiError(415, "binary", "the body is binary, not text"); e.body()["error"]["status"]
    415
    """

    def __init__(self, status: int, kind: str, message: str, headers: dict[str, str] | None = None,
                 record: str = "bad_record"):
        super().__init__(message)
        self.status, self.kind, self.message, self.headers = status, kind, message, headers
        #: The kind of the error record when this article is one line of a /batch stream.
        self.record = record

    def body(self) -> dict:
        return {"error": {"status": self.status, "kind": self.kind, "message": self.message}}

    def response(self) -> JSONResponse:
        return JSONResponse(self.body(), status_code=self.status, headers=self.headers)


#: Kinds of Starlette's own HTTP errors (unknown path, wrong method).
_HTTP_KINDS = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}


def install(app: FastAPI) -> None:
    """Every error the app can raise, answered as ApiError JSON."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        return exc.response()

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        message = f"{where}: {first.get('msg', 'invalid request')}" if where else first.get("msg", "invalid request")
        return ApiError(422, "invalid", message).response()

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        kind = _HTTP_KINDS.get(exc.status_code, "http")
        return ApiError(exc.status_code, kind, str(exc.detail)).response()

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception):
        log.exception("internal error on %s", request.url.path)  # the traceback goes to the log only
        return ApiError(500, "internal", f"internal error ({type(exc).__name__}); please report it").response()
