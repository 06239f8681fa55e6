"""JSON and JSON Lines: UTF-8, not \\u-escaped, numbers exact; jsonl writes each document as it comes.

A non-whole number is a Decimal in `to_dict()`; it is written with its exact digits, never
rounded through a float nor in exponent form. Everything else is the json module's output.

>>> from decimal import Decimal
>>> dumps({"value": Decimal("0.00001"), "upper": Decimal("12345678901234567.25"), "text": "đạt"})
'{"value": 0.00001, "upper": 12345678901234567.25, "text": "đạt"}'
>>> print(dumps({"facts": [{"value": Decimal("8.5")}], "people": []}, indent=2))
{
  "facts": [
    {
      "value": 8.5
    }
  ],
  "people": []
}
"""
from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, Iterable, TextIO

from ..model import Document, number_text


def dumps(data: Any, indent: int | None = None) -> str:
    """`data` as JSON, Decimals exact; `indent` as json.dumps's."""
    return _encode(data, indent, 0)


def _encode(v: Any, indent: int | None, depth: int) -> str:
    if isinstance(v, Decimal):
        return number_text(v)
    if isinstance(v, (dict, list)) and _has_decimal(v):
        if isinstance(v, dict):
            parts = [json.dumps(str(k), ensure_ascii=False) + ": " + _encode(x, indent, depth + 1) for k, x in v.items()]
            return _join(parts, "{", "}", indent, depth)
        return _join([_encode(x, indent, depth + 1) for x in v], "[", "]", indent, depth)
    text = json.dumps(v, ensure_ascii=False, indent=indent)
    if indent and depth and "\n" in text:  # a JSON string never holds a raw line end: safe to re-indent
        text = text.replace("\n", "\n" + " " * (indent * depth))
    return text


def _has_decimal(v: Any) -> bool:
    values = v.values() if isinstance(v, dict) else v
    return any(isinstance(x, Decimal) or (isinstance(x, (dict, list)) and _has_decimal(x)) for x in values)


def _join(parts: list[str], open_: str, close: str, indent: int | None, depth: int) -> str:
    if not parts:
        return open_ + close
    if not indent:
        return open_ + ", ".join(parts) + close
    inner, outer = "\n" + " " * (indent * (depth + 1)), "\n" + " " * (indent * depth)
    return open_ + inner + ("," + inner).join(parts) + outer + close


def document_line(doc: Document, out: TextIO, chunk: int = 1 << 20) -> None:
    """Write `dumps(doc.to_dict())` and a line end, one fact at a time: a document with
    hundreds of thousands of facts never exists as one dict or one string.

    >>> import io
    >>> from vnfacts import extract
    >>> doc = extract("Chi 5 tỷ đồng, tăng 3,5%.")
    >>> buf = io.StringIO(); document_line(doc, buf)
    >>> buf.getvalue() == dumps(doc.to_dict()) + "\\n"
    True
    """
    head = dumps({**{"source": doc.source, "published": doc.published}, **doc.meta, "facts": []})
    assert head.endswith("[]}")
    parts, size = [head[:-2]], 0
    for i, fact in enumerate(doc.facts):
        parts.append((", " if i else "") + dumps(fact.to_dict()))
        size += len(parts[-1])
        if size >= chunk:
            out.write("".join(parts))
            parts, size = [], 0
    parts.append("]}\n")
    out.write("".join(parts))


def write_jsonl(docs: Iterable[Document], out: TextIO) -> None:
    for doc in docs:
        document_line(doc, out)
        out.flush()


def write_json(docs: Iterable, out: TextIO, *, many: bool | None = None) -> None:
    """One object for one input, an array for several (`many`; None: by how many came).
    A failed input (a batch `Failure`) is its error object, in its place in the array.

    >>> import io
    >>> from vnfacts.batch.records import Failure
    >>> out = io.StringIO(); write_json([Failure("b.txt", "not_found", "b.txt: no such file")], out, many=True)
    >>> json.loads(out.getvalue())[0]["error"]["kind"]
    'not_found'
    """
    items = [d.to_dict() for d in docs]
    data = items if many or (many is None and len(items) != 1) else items[0]
    out.write(dumps(data, indent=2) + "\n")
