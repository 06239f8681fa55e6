"""Builders for the batch tests: short Vietnamese texts, archives and dumps made in tmp_path."""
from __future__ import annotations

import gzip
import io
import json
import tarfile
import zipfile
from pathlib import Path

TEXTS = {
    "chi.txt": "Tỉnh chi 15 tỷ đồng cho trường học, tăng 8%.",
    "ho.txt": "Huyện hỗ trợ 120 hộ nghèo.",
    "rung.txt": "Xã trồng 30 ha rừng.",
}


#: Bytes no decoder takes for text: a PNG header and every byte value.
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return root


def zip_bytes(files: dict[str, str | bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files.items():
            z.writestr(name, content)
    return buf.getvalue()


def tar_bytes(files: dict[str, str | bytes], compression: str = "") -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=f"w:{compression}") as t:
        for name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            info = tarfile.TarInfo(name)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def jsonl_bytes(records: list, gz: bool = False) -> bytes:
    lines = "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records)
    data = lines.encode("utf-8")
    return gzip.compress(data) if gz else data


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def every_kind_tree(root: Path, dump_lines: int = 4000) -> Path:
    """A folder holding every input kind of a batch run, damaged ones included, and a dump of
    `dump_lines` lines (4000: cut into several runs of lines, which a cluster run spreads over tasks)."""
    lines = [{"id": f"r{i}", "text": f"Năm {2000 + i % 20} xã trồng {i} ha rừng."} for i in range(dump_lines)]
    lines[7] = "{bad json"
    lines[9] = {"text": "Không có mã, dòng số 10, tăng 3%."}
    files = {
        "a.txt": TEXTS["chi.txt"],
        "b.html": "<html><body><p>Huyện hỗ trợ 120 hộ nghèo, tăng 5%.</p></body></html>",
        "binary.txt": BINARY,
        "logo.png": b"\x89PNG",
        "sub/c.txt": TEXTS["ho.txt"],
        "sub/deeper/d.txt": TEXTS["rung.txt"],
        "crawl.zip": zip_bytes({"2024/01/x.txt": TEXTS["chi.txt"], "2024/01/y.html": "<p>Chi 2 tỷ đồng</p>",
                                "skip.pdf": b"%PDF", "inner.tar.gz": tar_bytes({"n.txt": TEXTS["ho.txt"]}, "gz"),
                                **{f"many/{i:03d}.txt": f"Ngày {1 + i % 28}/5 tỉnh chi {i} tỷ đồng." for i in range(40)}}),
        "plain.tar": tar_bytes({f"t/{i}.txt": f"Tăng {i}% so với cùng kỳ." for i in range(30)}),
        "packed.tar.gz": tar_bytes({f"g/{i}.txt": f"Giảm {i}% so với năm trước." for i in range(30)}, "gz"),
        "packed.tar.bz2": tar_bytes({"b.txt": TEXTS["rung.txt"]}, "bz2"),
        "packed.tar.xz": tar_bytes({"x.txt": TEXTS["chi.txt"]}, "xz"),
        "old.tgz": tar_bytes({"o.txt": TEXTS["ho.txt"]}, "gz"),
        "broken.tar.gz": tar_bytes({f"k/{i}.txt": f"Chi {i} triệu đồng cho {i} hộ." * 40 for i in range(60)}, "gz")[:3000],
        "broken.zip": b"PK\x03\x04 not really a zip",
        "dump.jsonl": jsonl_bytes(lines),
        "dump.jsonl.gz": jsonl_bytes([{"id": f"z{i}", "text": f"Tăng {i}%."} for i in range(300)] + ["", "[]"], gz=True),
        "dump.ndjson": jsonl_bytes([{"id": "n1", "text": "Chi 7 tỷ đồng.", "published": "2024-05-01"}, [1, 2]]),
    }
    return write_tree(root, files)
