"""What a client sends, read into articles: a JSON object, a text/plain body, a file upload,
or (for /batch) a JSON array or JSON Lines. Every malformed body is an ApiError: 400 for bad
JSON, 415 for another content type or binary bytes, 422 for fields of the wrong type.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterator

from ..errors import InputError
from ..input.decode import decode_bytes
from .problems import ApiError

FORMATS = ("json", "html")
JSON_TYPES = ("application/json",)
JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/json-lines")


@dataclass(frozen=True)
class Article:
    """One article to extract, as the client gave it.

    `encoding` is set when vnfacts decoded bytes (text/plain, uploads), as `extract` reports it.
    """

    text: str
    published: str | None = None
    source: str | None = None
    types: tuple[str, ...] | None = None
    format: str = "json"
    encoding: str | None = None


def media_type(content_type: str | None) -> str:
    """The media type of a Content-Type header, lower case, without parameters.

    >>> media_type("Text/Plain; charset=utf-8"), media_type(None)
    ('text/plain', '')
    """
    return (content_type or "").split(";")[0].strip().lower()


def parse_json(body: bytes) -> Any:
    if not body.strip():
        raise ApiError(400, "empty_body", "the body is empty; send a JSON object with \"text\"")
    try:
        return json.loads(body.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ApiError(415, "binary", "the body is not UTF-8 JSON") from None
    except ValueError as exc:
        raise ApiError(400, "bad_json", f"malformed JSON: {_short(exc)}") from None


def article_from_json(data: Any, where: str = "body") -> Article:
    """An Article from a JSON object {"text", "published"?, "types"?, "format"?, "id"?}.

    >>> article_from_json({"text": "Chi 5 tỷ đồng.", "types": "money,percent"}).types
    ('money', 'percent')
    >>> article_from_json({"text": 5})
    Traceback (most recent call last):
    vnfacts.serve.problems.ApiError: body: "text" must be a string
    """
    if not isinstance(data, dict):
        raise ApiError(422, "invalid", f"{where}: expected a JSON object with \"text\", got {_kind(data)}")
    text = data.get("text")
    if not isinstance(text, str):
        missing = "text" not in data
        raise ApiError(422, "invalid", f"{where}: \"text\" is missing" if missing else f"{where}: \"text\" must be a string",
                       record="missing_text")
    source = data.get("id", data.get("source"))
    if source is not None and not isinstance(source, (str, int)):
        raise ApiError(422, "invalid", f"{where}: \"id\" must be a string or a number")
    return Article(text, published=check_published(data.get("published"), where), source=None if source is None else str(source),
                   types=check_types(data.get("types"), where), format=check_format(data.get("format", "json"), where))


def article_from_bytes(data: bytes, name: str, *, published=None, types=None, fmt: str = "json") -> Article:
    """An Article from raw bytes (text/plain body, upload): decoded and HTML read as `extract` does."""
    try:
        decoded = decode_bytes(data, name)
    except InputError as exc:
        raise ApiError(415, "binary", str(exc)) from None
    return Article(decoded.text, published=check_published(published, "query") or decoded.published, source=name if name != "-" else None,
                   types=check_types(types, "query"), format=check_format(fmt, "query"), encoding=decoded.encoding)


def batch_items(body: bytes, content_type: str) -> Iterator[Any]:
    """The articles of a /batch body: a JSON array, or JSON Lines (one object per line).
    A line that is not JSON yields the ApiError for it, in its place, so the rest go on."""
    if not body.strip():
        raise ApiError(400, "empty_body", "the body is empty; send a JSON array or JSON Lines of articles")
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ApiError(415, "binary", "the body is not UTF-8 JSON") from None
    if media_type(content_type) in JSON_TYPES and text.lstrip().startswith("["):
        data = parse_json(body)
        yield from data
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except ValueError as exc:
            yield ApiError(400, "bad_json", f"line {lineno}: malformed JSON: {_short(exc)}", record="bad_json")


def check_published(value: Any, where: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(str(value)[:10]).isoformat() if isinstance(value, str) else _bad_date(where)
    except ValueError:
        return _bad_date(where)


def _bad_date(where: str):
    raise ApiError(422, "invalid", f"{where}: \"published\" must be a date YYYY-MM-DD")


def check_types(value: Any, where: str) -> tuple[str, ...] | None:
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ApiError(422, "invalid", f"{where}: \"types\" must be a list of fact types or a comma-separated string")
    return tuple(v.strip() for v in value if v.strip()) or None


def check_format(value: Any, where: str) -> str:
    if value not in FORMATS:
        raise ApiError(422, "invalid", f"{where}: \"format\" must be one of {', '.join(FORMATS)}")
    return value


def _kind(v: Any) -> str:
    return {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean"}.get(type(v), "null")


def _short(exc: ValueError) -> str:
    return str(exc).split("\n")[0]
