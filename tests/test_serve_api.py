"""`vnfacts serve` through FastAPI's TestClient: the same facts as the CLI, every body kind,
the OpenAPI schema, and every bad request refused with its 4xx and a one-line JSON error."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("fastapi", reason="needs the serve extra (in the test extra)")
from fastapi.testclient import TestClient  # noqa: E402

from vnfacts.cli import main  # noqa: E402
from vnfacts.input.encodings import tcvn3  # noqa: E402
from vnfacts.serve import ServeSettings, create_app  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SAMPLE = SAMPLES / "hoi-nghi-lao-dong.txt"
TEXT = "Ngày 12/3/2024, Ủy ban nhân dân tỉnh chi hơn 27 tỷ đồng cho 1.044 hộ, tăng 6,5%."


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(ServeSettings(max_body=200_000)), raise_server_exceptions=False) as c:
        yield c


def cli_json(*args):
    result = CliRunner().invoke(main, ["extract", *args, "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0
    return result.stdout


def check_error(response, status, kind):
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["status"] == status and body["error"]["kind"] == kind
    assert "\n" not in body["error"]["message"] and "Traceback" not in response.text and body["error"]["message"]


def test_an_upload_answers_exactly_what_extract_prints(client):
    with open(SAMPLE, "rb") as f:
        response = client.post("/extract", files={"file": (str(SAMPLE), f, "text/plain")})
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/json")
    assert response.text == cli_json(str(SAMPLE))


def test_json_and_plain_text_bodies_give_the_same_facts_as_the_cli(client, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    expected = json.loads(cli_json(str(path), "--published", "2024-03-20"))["facts"]
    by_json = client.post("/extract", json={"text": TEXT, "published": "2024-03-20"}).json()
    by_text = client.post("/extract?published=2024-03-20", content=TEXT.encode("utf-8"),
                          headers={"content-type": "text/plain; charset=utf-8"}).json()
    assert by_json["facts"] == expected == by_text["facts"] and expected
    assert by_text["encoding"] == "utf-8" and by_json["published"] == "2024-03-20"


def test_uploads_in_a_legacy_encoding_and_html(client):
    old = client.post("/extract", files={"file": ("old.txt", tcvn3.encode(TEXT))}).json()
    assert old["encoding"] == "tcvn3" and [f["text"] for f in old["facts"]] == \
        [f["text"] for f in client.post("/extract", json={"text": TEXT}).json()["facts"]]
    page = b"<html><head><meta property='article:published_time' content='2024-05-02'></head><body><article>" \
           b"<p>T\xe1\xbb\x89nh chi 5 t&#7927; &#273;&#7891;ng.</p></article></body></html>"
    doc = client.post("/extract", files={"file": ("page.html", page, "text/html")}).json()
    assert doc["published"] == "2024-05-02" and [f["value"] for f in doc["facts"]] == [5_000_000_000]


def test_types_filter_and_format_html(client):
    doc = client.post("/extract", json={"text": TEXT, "types": ["money", "percent"]}).json()
    assert {f["type"] for f in doc["facts"]} == {"money", "percent"}
    doc = client.post("/extract?types=money", content=TEXT.encode(), headers={"content-type": "text/plain"}).json()
    assert {f["type"] for f in doc["facts"]} == {"money"}
    page = client.post("/extract", json={"text": TEXT, "format": "html"})
    assert page.headers["content-type"].startswith("text/html")
    assert page.text.count("<mark ") == len(client.post("/extract", json={"text": TEXT}).json()["facts"])


@pytest.mark.parametrize("kwargs, status, kind", [
    ({"content": b"{\"text\": ", "headers": {"content-type": "application/json"}}, 400, "bad_json"),
    ({"content": b"", "headers": {"content-type": "application/json"}}, 400, "empty_body"),
    ({"content": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "headers": {"content-type": "text/plain"}}, 415, "binary"),
    ({"content": b"\xff\xfe\x00\x00{}", "headers": {"content-type": "application/json"}}, 415, "binary"),
    ({"content": b"GIF89a", "headers": {"content-type": "image/gif"}}, 415, "unsupported_type"),
    ({"content": b"abc"}, 415, "unsupported_type"),
    ({"json": {"text": 12}}, 422, "invalid"),
    ({"json": {"body": "no text"}}, 422, "invalid"),
    ({"json": ["a list"]}, 422, "invalid"),
    ({"json": {"text": "x", "published": "12/3/2024"}}, 422, "invalid"),
    ({"json": {"text": "x", "types": ["mony"]}}, 422, "invalid"),
    ({"json": {"text": "x", "types": 5}}, 422, "invalid"),
    ({"json": {"text": "x", "format": "pdf"}}, 422, "invalid"),
    ({"files": {"other": ("a.txt", b"Chi 5 t\xe1\xbb\xb7")}}, 422, "invalid"),
    ({"content": b"x" * 200_001, "headers": {"content-type": "text/plain"}}, 413, "too_large"),
])
def test_bad_requests_are_refused_with_their_status_and_the_server_stays_up(client, kwargs, status, kind):
    check_error(client.post("/extract", **kwargs), status, kind)
    assert client.get("/health").json()["status"] == "ok"


def test_a_chunked_body_past_the_limit_is_refused(client):
    def chunks():
        for _ in range(30):
            yield b"x" * 10_000

    check_error(client.post("/extract", content=chunks(), headers={"content-type": "text/plain"}), 413, "too_large")


def test_unknown_paths_and_methods_are_json_errors(client):
    check_error(client.get("/nowhere"), 404, "not_found")
    check_error(client.get("/extract"), 405, "method_not_allowed")
    check_error(client.post("/extract?format=pdf", content=b"x", headers={"content-type": "text/plain"}), 422, "invalid")


def test_batch_streams_json_lines_in_order_with_error_records(client):
    articles = [{"id": "a", "text": TEXT}, {"text": "Chi 5 tỷ đồng."}, {"id": "c"}, {"id": "d", "text": "x", "published": "bad"}]
    body = "\n".join(json.dumps(a, ensure_ascii=False) for a in articles[:2]) + "\n{not json\n" + \
        "\n".join(json.dumps(a) for a in articles[2:]) + "\n"
    response = client.post("/batch", content=body.encode(), headers={"content-type": "application/x-ndjson"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert [line["source"] for line in lines] == ["a", "batch:2", "batch:3", "c", "d"]
    assert lines[0]["facts"] == client.post("/extract", json={"text": TEXT}).json()["facts"]
    assert [line.get("error", {}).get("kind") for line in lines] == [None, None, "bad_json", "missing_text", "bad_record"]
    as_array = client.post("/batch?types=money", json=articles[:2]).text.splitlines()
    assert [{f["type"] for f in json.loads(x)["facts"]} for x in as_array] == [{"money"}, {"money"}]


@pytest.mark.parametrize("kwargs, status, kind", [
    ({"content": b"[{\"text\": ", "headers": {"content-type": "application/json"}}, 400, "bad_json"),
    ({"content": b"  \n", "headers": {"content-type": "application/x-ndjson"}}, 400, "empty_body"),
    ({"content": b"\xff\xfe\x00", "headers": {"content-type": "application/x-ndjson"}}, 415, "binary"),
    ({"content": b"x", "headers": {"content-type": "application/pdf"}}, 415, "unsupported_type"),
])
def test_bad_batches_are_refused(client, kwargs, status, kind):
    check_error(client.post("/batch", **kwargs), status, kind)


def test_health_rules_openapi_and_docs(client):
    health = client.get("/health").json()
    assert health["status"] == "ok" and health["rules"] > 0 and "money" in health["types"]
    listed = CliRunner().invoke(main, ["rules", "list", "--format", "json"]).stdout
    assert client.get("/rules").json() == json.loads(listed)
    assert {r["type"] for r in client.get("/rules?types=money").json()} == {"money"}
    schema = client.get("/openapi.json").json()
    assert {"/extract", "/batch", "/health", "/rules"} <= set(schema["paths"])
    body = schema["paths"]["/extract"]["post"]["requestBody"]["content"]
    assert {"application/json", "text/plain", "multipart/form-data"} <= set(body)
    assert client.get("/docs").status_code == 200 and "openapi.json" in client.get("/docs").text


def test_no_cors_unless_asked(client):
    origin = {"Origin": "http://elsewhere.example"}
    assert "access-control-allow-origin" not in client.get("/health", headers=origin).headers
    with TestClient(create_app(ServeSettings(cors=("http://elsewhere.example",)))) as c:
        assert c.get("/health", headers=origin).headers["access-control-allow-origin"] == "http://elsewhere.example"


def test_time_limit_busy_and_internal_errors_are_json():
    with TestClient(create_app(ServeSettings(timeout=1e-6))) as c:
        check_error(c.post("/extract", json={"text": TEXT * 50}), 504, "timeout")
        assert c.get("/health").json()["status"] == "ok"
        line = json.loads(c.post("/batch", json=[{"text": TEXT * 50}]).text)
        assert line["error"]["kind"] == "timeout"
    with TestClient(create_app(ServeSettings(max_pending=1)), raise_server_exceptions=False) as c:
        c.app.state.runner.pending = 1  # as if one article were waiting
        busy = c.post("/extract", json={"text": TEXT})
        check_error(busy, 503, "busy")
        assert busy.headers["retry-after"] == "1"
        c.app.state.runner.pending = 0

        def broken(*args, **kwargs):
            raise RuntimeError("a bug")

        c.app.state.extractor.extract = broken
        check_error(c.post("/extract", json={"text": TEXT}), 500, "internal")
        assert c.get("/health").status_code == 200


def test_the_review_call_gives_the_text_the_offsets_index(client):
    answer = client.post("/review/extract", files={"file": ("old.txt", tcvn3.encode(TEXT))}).json()
    assert answer["text"] == TEXT and answer["document"]["encoding"] == "tcvn3"
    assert all(answer["text"][f["start"]:f["end"]] == f["text"] for f in answer["document"]["facts"])
    assert set(answer["colours"]) == set(answer["types"]) and "money" in answer["types"]
    page = client.get("/")
    assert page.headers["content-type"].startswith("text/html") and 'id="export"' in page.text
    check_error(client.post("/review/extract", content=b"\x00\x01", headers={"content-type": "text/plain"}), 415, "binary")


def test_answers_follow_the_document_and_error_schemas(client):
    jsonschema = pytest.importorskip("jsonschema")
    schema = Path(__file__).resolve().parents[1] / "schema"
    document = json.loads((schema / "document.schema.json").read_text(encoding="utf-8"))
    error = json.loads((schema / "error.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(client.post("/extract", files={"file": ("a.txt", SAMPLE.read_bytes())}).json(), document)
    lines = client.post("/batch", content=b'{"text": "Chi 5 t\xe1\xbb\xb7 \xc4\x91\xe1\xbb\x93ng."}\n{bad\n',
                        headers={"content-type": "application/x-ndjson"}).text.splitlines()
    jsonschema.validate(json.loads(lines[0]), document)
    jsonschema.validate(json.loads(lines[1]), error)
    with TestClient(create_app(ServeSettings(timeout=1e-6))) as c:
        jsonschema.validate(json.loads(c.post("/batch", json=[{"text": TEXT}]).text), error)
