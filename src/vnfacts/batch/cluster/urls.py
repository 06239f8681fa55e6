"""Inputs and outputs named by fsspec URLs (s3://, gs://, abfs://, hdfs://, memory://, ...).

A plain path (or `file://` URL) stays a plain path: it is read with `open`, named in `source`
exactly as a local run names it, and walked by the local batch's own walker. Anything else goes
through fsspec and the backend the user installed for its protocol (s3fs, gcsfs, adlfs, ...),
which takes credentials from its usual places (AWS_* variables, ~/.aws, gcloud, ...).

>>> is_remote("s3://bucket/crawl.zip"), is_remote("news/a.txt"), is_remote("file:///tmp/a.txt")
(True, False, False)
>>> local_path("file:///tmp/a.txt"), child("memory://dump", "2024/a.txt")
('/tmp/a.txt', 'memory://dump/2024/a.txt')
"""
from __future__ import annotations

import os
from typing import BinaryIO

_GLOB_CHARS = "*?["


def is_remote(name: str) -> bool:
    """True for a URL with a protocol other than file://."""
    return "://" in name and not name.startswith("file://")


def local_path(name: str) -> str:
    """A local name without its file:// prefix."""
    return name[len("file://"):] if name.startswith("file://") else name


def has_glob(name: str) -> bool:
    """True when a name holds glob characters (`s3://bucket/crawl/*.zip`).

    >>> has_glob("s3://b/crawl/*.zip"), has_glob("s3://b/crawl/a.zip")
    (True, False)
    """
    return any(c in name for c in _GLOB_CHARS)


def filesystem(url: str):
    """The fsspec filesystem of `url` and the path inside it. A missing backend (s3fs for
    s3://) raises ImportError with fsspec's message, which names the package to install."""
    from fsspec.core import url_to_fs

    return url_to_fs(url)


def child(root: str, relative: str) -> str:
    """The name of a file under a folder URL, joined like os.path.join does for a path."""
    return root + relative if root.endswith("/") else f"{root}/{relative}"


def open_binary(name: str) -> BinaryIO:
    """A local path opened with `open`, a URL through fsspec (seekable, read in blocks)."""
    if not is_remote(name):
        return open(local_path(name), "rb")
    fs, path = filesystem(name)
    return fs.open(path, "rb")


def size_of(name: str) -> int:
    """The size in bytes, 0 when it can't be had (the reader says why, later)."""
    try:
        if not is_remote(name):
            return os.path.getsize(local_path(name))
        fs, path = filesystem(name)
        return int(fs.size(path) or 0)
    except (OSError, ValueError):
        return 0
