"""Limits that keep one request from hurting the others: the body size, the time per article,
and how many extractions may wait for a thread.

Extraction is CPU work in a thread pool of `threads` per worker process, so /health and new
connections are served while articles are extracted; an article past `timeout` seconds is
answered 504 (its thread finishes in the background: regex's own per-rule timeout bounds it);
more than `max_pending` articles waiting is answered 503 with Retry-After.
"""
from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from typing import Callable, TypeVar

from .problems import ApiError

T = TypeVar("T")

MB = 1024 * 1024


@dataclass(frozen=True)
class ServeSettings:
    """What `vnfacts serve` is told: limits, extra rule files, CORS origins (none: no CORS).

    >>> ServeSettings.from_json(ServeSettings(timeout=3.0).to_json()).timeout
    3.0
    """

    max_body: int = 20 * MB
    timeout: float = 30.0
    threads: int = 2
    max_pending: int = 64
    rules: tuple[str, ...] = ()
    cors: tuple[str, ...] = ()

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> "ServeSettings":
        data = json.loads(text)
        return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})


class BodyLimit:
    """ASGI middleware: a body over `max_body` bytes is answered 413, by its Content-Length
    before it is read, or when the bytes read pass the limit (chunked uploads)."""

    def __init__(self, app, max_body: int):
        self.app, self.max_body = app, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            return await self._refuse(scope, receive, send)
        seen = 0

        async def limited():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise ApiError(413, "too_large", self._message())
            return message

        await self.app(scope, limited, send)

    def _message(self) -> str:
        return f"the body is over the limit of {self.max_body} bytes"

    async def _refuse(self, scope, receive, send):
        await ApiError(413, "too_large", self._message(), headers={"Connection": "close"}).response()(scope, receive, send)


class Runner:
    """Runs extractions in a thread pool under the time limit and the waiting bound."""

    def __init__(self, settings: ServeSettings):
        self.settings = settings
        self.pool = ThreadPoolExecutor(max_workers=settings.threads, thread_name_prefix="vnfacts-extract")
        self.pending = 0

    async def run(self, fn: Callable[[], T], *, queue: bool = False) -> T:
        """fn() in a pool thread; 504 past the time limit; 503 when too many wait (unless
        `queue`: a /batch stream's next article waits its turn instead)."""
        if not queue and self.pending >= self.settings.max_pending:
            raise ApiError(503, "busy", f"{self.pending} articles are waiting; try again shortly",
                           headers={"Retry-After": "1"})
        self.pending += 1
        try:
            future = asyncio.get_running_loop().run_in_executor(self.pool, fn)
            return await asyncio.wait_for(future, self.settings.timeout)
        except asyncio.TimeoutError:
            raise ApiError(504, "timeout", f"the article took more than {self.settings.timeout:g} s") from None
        finally:
            self.pending -= 1

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
