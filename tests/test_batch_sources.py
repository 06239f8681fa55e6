"""Inputs of a batch run: folders, zip, tar, JSON Lines, nesting, limits and hostile archives."""
from __future__ import annotations

import io
import os
import zipfile

import pytest

from test_batch_helpers import TEXTS, jsonl_bytes, tar_bytes, write_tree, zip_bytes
from vnfacts.batch import Settings, Sources, known_total


def items(*inputs, **settings):
    src = Sources([str(i) for i in inputs], Settings(**settings))
    got = list(src)
    return got, src.skipped


def ok(got):
    return [i.source for i in got if i.failure is None]


def failures(got):
    return {i.source: i.failure.kind for i in got if i.failure}


def test_folder_is_walked_recursively_in_sorted_order_and_unknown_files_are_counted(tmp_path):
    write_tree(tmp_path, {"b/2.txt": TEXTS["ho.txt"], "a.txt": TEXTS["chi.txt"], "b/1.html": "<p>x</p>",
                          "logo.png": b"\x89PNG", "b/notes": "x"})
    got, skipped = items(tmp_path)
    assert [os.path.relpath(s, tmp_path) for s in ok(got)] == ["a.txt", "b/1.html", "b/2.txt"]
    assert skipped["unknown extension"] == 2
    assert got[0].data == TEXTS["chi.txt"].encode("utf-8")


def test_glob_filters_documents_but_not_archives(tmp_path):
    write_tree(tmp_path, {"2024/05/a.txt": "x", "2024/05/a.html": "y", "2023/b.txt": "z",
                          "old.zip": zip_bytes({"2024/05/c.txt": "c", "2024/05/c.html": "d"})})
    got, skipped = items(tmp_path, globs=("2024/*/*.txt",))
    assert [os.path.relpath(s, tmp_path) for s in ok(got)] == ["old.zip!2024/05/c.txt", "2024/05/a.txt"]  # files, then subfolders
    assert skipped["not matching --glob"] == 3


def test_zip_members_are_named_archive_bang_path(tmp_path):
    archive = tmp_path / "crawl.zip"
    archive.write_bytes(zip_bytes({"2024/05/a.txt": TEXTS["chi.txt"], "2024/05/": "", "x.bin": b"\x00"}))
    got, skipped = items(archive)
    assert ok(got) == [f"{archive}!2024/05/a.txt"]
    assert got[0].data.decode("utf-8") == TEXTS["chi.txt"]
    assert skipped["unknown extension"] == 1


@pytest.mark.parametrize("suffix,compression", [(".tar", ""), (".tar.gz", "gz"), (".tgz", "gz"),
                                                (".tar.bz2", "bz2"), (".tar.xz", "xz")])
def test_every_tar_flavour_is_streamed(tmp_path, suffix, compression):
    archive = tmp_path / f"crawl{suffix}"
    archive.write_bytes(tar_bytes({"./a.txt": TEXTS["chi.txt"], "sub/b.txt": TEXTS["ho.txt"]}, compression))
    got, _ = items(archive)
    assert ok(got) == [f"{archive}!a.txt", f"{archive}!sub/b.txt"]
    assert got[1].data.decode("utf-8") == TEXTS["ho.txt"]


@pytest.mark.parametrize("name,gz", [("dump.jsonl", False), ("dump.jsonl.gz", True), ("dump.ndjson", False)])
def test_jsonl_records_use_their_id_or_their_line(tmp_path, name, gz):
    dump = tmp_path / name
    dump.write_bytes(jsonl_bytes([{"id": "bai-1", "text": TEXTS["chi.txt"], "published": "2024-05-02"},
                                  {"text": TEXTS["ho.txt"]}], gz=gz))
    got, _ = items(dump)
    assert ok(got) == ["bai-1", f"{dump}:2"]
    assert got[0].data == TEXTS["chi.txt"] and got[0].published == "2024-05-02"


def test_jsonl_field_names_can_be_chosen(tmp_path):
    dump = tmp_path / "d.jsonl"
    dump.write_bytes(jsonl_bytes([{"url": "https://x/1", "body": "Tăng 5%", "date": "2024-01-02"}]))
    got, _ = items(dump, text_field="body", id_field="url", published_field="date")
    assert [(i.source, i.data, i.published) for i in got] == [("https://x/1", "Tăng 5%", "2024-01-02")]


def test_bad_jsonl_records_become_failures_and_the_dump_goes_on(tmp_path):
    dump = tmp_path / "d.jsonl"
    dump.write_bytes(jsonl_bytes(['{"text": "cut', "", '[1, 2]', {"id": "k", "body": "x"}, {"text": 12},
                                  {"text": "Tăng 5%"}]))
    got, _ = items(dump)
    assert failures(got) == {f"{dump}:1": "bad_json", f"{dump}:3": "bad_record", "k": "missing_text",
                             f"{dump}:5": "missing_text"}
    assert ok(got) == [f"{dump}:6"]  # the blank line 2 is no record but still counts as a line


def test_nested_archives_inside_a_folder_are_read(tmp_path):
    inner_tar = tar_bytes({"a.txt": TEXTS["chi.txt"], "d.jsonl.gz": jsonl_bytes([{"text": "Tăng 5%"}], gz=True)}, "gz")
    inner_zip = zip_bytes({"deep.txt": TEXTS["rung.txt"]})
    write_tree(tmp_path, {"crawl/outer.zip": zip_bytes({"inner.tar.gz": inner_tar, "z.zip": inner_zip}),
                          "crawl/t.tar": tar_bytes({"z.zip": inner_zip})})
    got, _ = items(tmp_path / "crawl")
    base = tmp_path / "crawl"
    assert ok(got) == [f"{base}/outer.zip!inner.tar.gz!a.txt", f"{base}/outer.zip!inner.tar.gz!d.jsonl.gz:1",
                       f"{base}/outer.zip!z.zip!deep.txt", f"{base}/t.tar!z.zip!deep.txt"]
    assert got[-1].data.decode("utf-8") == TEXTS["rung.txt"]


def test_archives_nested_too_deep_are_refused(tmp_path):
    data = zip_bytes({"a.txt": "x"})
    for level in range(3):
        data = zip_bytes({f"l{level}.zip": data})
    (tmp_path / "deep.zip").write_bytes(data)
    got, _ = items(tmp_path / "deep.zip", max_depth=2)
    assert ok(got) == []
    assert list(failures(got).values()) == ["archive"]
    assert "nested more than 2 deep" in got[0].failure.message


def test_symlink_loops_do_not_hang_the_walk(tmp_path):
    write_tree(tmp_path, {"news/a.txt": TEXTS["chi.txt"], "news/sub/b.txt": TEXTS["ho.txt"]})
    os.symlink(tmp_path / "news", tmp_path / "news/sub/loop")  # a folder link back to an ancestor
    os.symlink("self.txt", tmp_path / "news/self.txt")         # a file link to itself
    got, skipped = items(tmp_path / "news")
    names = [os.path.relpath(s, tmp_path / "news") for s in ok(got)]
    assert names == ["a.txt", "sub/b.txt"]
    assert failures(got) == {str(tmp_path / "news/self.txt"): "unreadable"}
    assert skipped["folder already read (link)"] == 1


def test_a_zip_bomb_member_is_refused_by_its_declared_size(tmp_path):
    bomb = tmp_path / "bomb.zip"
    bomb.write_bytes(zip_bytes({"big.txt": b"0" * 5_000_000, "ok.txt": TEXTS["ho.txt"]}))
    assert bomb.stat().st_size < 100_000
    got, _ = items(bomb, max_bytes=100_000)
    assert failures(got) == {f"{bomb}!big.txt": "too_large"}
    assert ok(got) == [f"{bomb}!ok.txt"]


def test_a_zip_member_lying_about_its_size_is_read_no_further(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("liar.txt", b"1" * 3_000_000)
        z.infolist()[0].file_size = 50  # the central directory now claims 50 bytes
    (tmp_path / "liar.zip").write_bytes(buf.getvalue())
    got, _ = items(tmp_path / "liar.zip", max_bytes=1000)
    assert ok(got) == []
    assert failures(got) == {f"{tmp_path}/liar.zip!liar.txt": "archive"}


def test_a_gzip_bomb_line_is_refused_and_the_next_line_is_read(tmp_path):
    dump = tmp_path / "d.jsonl.gz"
    dump.write_bytes(jsonl_bytes(['{"text": "' + " " * 3_000_000 + '"}', {"text": "Tăng 5%"}], gz=True))
    got, _ = items(dump, max_bytes=10_000)
    assert failures(got) == {f"{dump}:1": "too_large"}
    assert ok(got) == [f"{dump}:2"]


def test_files_over_the_limit_missing_inputs_and_corrupt_archives_are_failures(tmp_path):
    write_tree(tmp_path, {"big.txt": "x" * 200, "bad.zip": b"PK not really", "bad.tar.gz": b"\x1f\x8b broken"})
    got, _ = items(tmp_path / "big.txt", tmp_path / "missing.txt", tmp_path / "bad.zip", tmp_path / "bad.tar.gz",
                   max_bytes=100)
    assert list(failures(got).values()) == ["too_large", "not_found", "archive", "archive"]
    assert all(i.failure.message.startswith(i.source) for i in got)


def test_a_file_named_on_the_command_line_is_read_whatever_its_extension(tmp_path):
    write_tree(tmp_path, {"bai.dat": TEXTS["ho.txt"]})
    got, _ = items(tmp_path / "bai.dat")
    assert ok(got) == [str(tmp_path / "bai.dat")]


def test_dash_reads_paths_from_stdin(tmp_path):
    write_tree(tmp_path, {"a.txt": "x", "b.txt": "y"})
    src = Sources(["-"], stdin=io.StringIO(f"{tmp_path}/b.txt\n\n{tmp_path}/a.txt\n"))
    assert [i.source for i in src] == [f"{tmp_path}/b.txt", f"{tmp_path}/a.txt"]


def test_known_total_counts_plain_documents_only(tmp_path):
    write_tree(tmp_path, {"a/x.txt": "x", "a/y.html": "y", "a/z.png": b"", "b/c.zip": zip_bytes({"q.txt": "q"})})
    assert known_total([str(tmp_path / "a")]) == 2
    assert known_total([str(tmp_path / "a")], Settings(globs=("*.txt",))) == 1
    assert known_total([str(tmp_path)]) is None


def test_the_output_file_is_never_read_as_input(tmp_path):
    write_tree(tmp_path, {"a.txt": "x", "out.jsonl": '{"text": "y"}\n'})
    src = Sources([str(tmp_path)], exclude=[str(tmp_path / "out.jsonl"), str(tmp_path / "not-yet.jsonl")])
    assert [i.source for i in src] == [str(tmp_path / "a.txt")]
    assert src.skipped["the output file itself"] == 1
