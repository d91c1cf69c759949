"""Loading .txt/.html/.jsonl: encodings, ids, hashes, and one clear line per bad input."""

import hashlib
import json
import os

import pytest

from tui import documents
from tui.documents import load_paths

ARTICLE = (
    "China forms state-backed blockchain alliance\n\n"
    "China has unveiled a state-backed blockchain alliance, according to reports.\n"
)


def load(paths):
    errors = []
    docs = list(load_paths(paths, on_error=errors.append))
    return docs, errors


def test_txt_ids_hash_and_exact_line_endings(tmp_path):
    (tmp_path / "a").mkdir()
    data = b"Title\r\n\r\nFirst line.\rSecond line.\nThird.\r\n"
    (tmp_path / "a" / "one.txt").write_bytes(data)
    (tmp_path / "two.txt").write_text(ARTICLE)
    docs, errors = load([tmp_path])
    assert errors == []
    by_id = {doc.id: doc for doc in docs}
    assert sorted(by_id) == ["a/one.txt", "two.txt"]
    one = by_id["a/one.txt"]
    assert one.raw == data.decode()
    assert one.raw_sha256 == hashlib.sha256(data).hexdigest()
    assert one.kind == "txt" and one.path == str(tmp_path / "a" / "one.txt")


def test_single_file_id_is_its_name(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE)
    docs, errors = load([str(path)])
    assert [doc.id for doc in docs] == ["story.txt"] and errors == []


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"\xef\xbb\xbf" + "caf\u00e9 \u2014 ok".encode(), "utf-8-sig"),
        ("\ufeffcaf\u00e9 \u2014 ok".encode("utf-16-le"), "utf-16"),
        ("\ufeffcaf\u00e9 \u2014 ok".encode("utf-16-be"), "utf-16"),
        ("caf\u00e9 \u2014 ok".encode(), "utf-8"),
    ],
)
def test_unicode_encodings_and_boms(tmp_path, data, encoding):
    (tmp_path / "x.txt").write_bytes(data)
    docs, errors = load([tmp_path])
    assert errors == []
    assert docs[0].raw == "caf\u00e9 \u2014 ok"
    assert docs[0].encoding == encoding


def test_legacy_encoding_is_detected(tmp_path):
    text = (
        "Le gouvernement a annoncé un réseau de chaînes de blocs. Les sociétés étrangères "
        "s'inquiètent: « Nous n'avons pas été consultés », a déclaré le président. "
    ) * 5
    (tmp_path / "fr.txt").write_bytes(text.encode("cp1252"))
    docs, errors = load([tmp_path])
    assert errors == []
    assert docs[0].raw == text
    assert docs[0].encoding != "utf-8"


def test_invalid_bytes_in_utf8_do_not_crash(tmp_path):
    data = "Beijing — “alliance” ".encode() * 20 + b"\xff\xfe\x80 tail"
    (tmp_path / "bad.txt").write_bytes(data)
    docs, errors = load([tmp_path])
    assert errors == []
    assert docs[0].raw.startswith("Beijing — “alliance”")
    assert "\ufffd" in docs[0].raw and docs[0].raw.endswith(" tail")


HTML = """<!doctype html><html><head><meta charset="utf-8">
<title>Blockchain alliance formed | Example News</title>
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2019-11-12">
<meta property="og:site_name" content="Example News">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Blockchain alliance formed</h1>
<p>China has unveiled a state-backed blockchain alliance featuring big players such as Huobi,
China Telecom and China UnionPay, according to reports from local media outlet Xinhua.</p>
<p>The network has been planned by top-level employees at the NIC and is being independently
developed by China UnionPay and China Mobile, the agency said on Tuesday.</p>
</article><footer>Share this article on Twitter</footer></body></html>"""


def test_html_goes_through_trafilatura(tmp_path):
    (tmp_path / "page.html").write_text(HTML)
    docs, errors = load([tmp_path])
    assert errors == []
    doc = docs[0]
    assert doc.kind == "html"
    assert doc.raw.splitlines()[0] == "Blockchain alliance formed"
    assert "China has unveiled" in doc.raw and "UnionPay and China Mobile" in doc.raw
    assert "Home" not in doc.raw and "Share this" not in doc.raw
    assert doc.meta["author"] == "Jane Doe"
    assert doc.meta["date"] == "2019-11-12"
    assert doc.meta["source"] == "Example News"


def test_html_source_lines_point_into_the_markup(tmp_path):
    from tui.documents.html import source_lines

    (tmp_path / "page.htm").write_text(HTML)
    docs, _ = load([tmp_path])
    positions = source_lines(HTML, docs[0].raw)
    lines = docs[0].raw.split("\n")
    found = [(line, pos) for line, pos in zip(lines, positions, strict=True) if pos is not None]
    assert len(found) >= 2
    for line, pos in found:
        assert HTML[pos : pos + 10] == line.strip()[:10]


def test_jsonl_records_and_bad_lines(tmp_path):
    good = {
        "id": "r1",
        "text": ARTICLE,
        "title": "T",
        "url": "https://www.reuters.com/x",
        "date": "2019-11-12",
    }
    lines = [
        json.dumps(good),
        "",
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"id": "r2"}),
        json.dumps({"id": "r1", "text": "again"}),
        json.dumps({"text": "no id here"}),
        json.dumps({"id": 7, "html": HTML}),
    ]
    (tmp_path / "dump.jsonl").write_text("\n".join(lines) + "\n")
    docs, errors = load([tmp_path])
    assert [doc.id for doc in docs] == ["dump.jsonl#r1", "dump.jsonl#L7", "dump.jsonl#7"]
    assert docs[2].meta["author"] == "Jane Doe" and "China has unveiled" in docs[2].raw
    first = docs[0]
    assert first.raw == ARTICLE
    assert first.meta == {"title": "T", "url": "https://www.reuters.com/x", "date": "2019-11-12"}
    assert first.raw_sha256 == hashlib.sha256(lines[0].encode()).hexdigest()
    assert len(errors) == 4
    assert "dump.jsonl:3: not valid JSON" in errors[0]
    assert "dump.jsonl:4: not a JSON object" in errors[1]
    assert "dump.jsonl:5: record has no" in errors[2]
    assert "dump.jsonl:6: duplicate id 'r1'" in errors[3]


def test_each_bad_input_gives_one_line_and_the_rest_loads(tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "binary.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \r\n\t\n")
    with open(tmp_path / "huge.txt", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing written
    (tmp_path / "locked.txt").write_text(ARTICLE)
    (tmp_path / "broken.jsonl").write_text(
        '{"id": "a", "text": "fine text"}\n{"id": "b", "text": \n'
    )
    (tmp_path / "empty.html").write_text("<html><body><script>x()</script></body></html>")
    (tmp_path / "sub").mkdir()
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    os.symlink(tmp_path / "self.txt", tmp_path / "self.txt")

    real_open = open

    def guarded_open(path, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", guarded_open)
    docs, errors = load([tmp_path])
    assert sorted(doc.id for doc in docs) == ["broken.jsonl#a", "good.txt"]
    for line in errors:
        assert "\n" not in line and str(tmp_path) in line
    text = "\n".join(errors)
    expected = {
        "binary.txt": "binary data",
        "empty.txt": "empty file",
        "blank.txt": "empty file",
        "huge.txt": "50.0 MB is over the 20 MB limit",
        "locked.txt": "cannot read (Permission denied)",
        "broken.jsonl:2": "not valid JSON",
        "empty.html": "no article text found",
        "sub/loop": "symlink loop",
        "self.txt": "symlink loop",
    }
    assert len(errors) == len(expected), text
    for where, what in expected.items():
        assert any(
            f"{where}: {what}" in line or (where in line and what in line) for line in errors
        ), (where, text)


def test_missing_path_and_unsupported_file(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK")
    docs, errors = load([tmp_path / "nope", tmp_path / "notes.docx"])
    assert docs == []
    assert errors == [
        f"{tmp_path / 'nope'}: no such file or folder; skipped",
        f"{tmp_path / 'notes.docx'}: not a .txt, .html, .htm or .jsonl file; skipped",
    ]


def test_same_id_from_two_folders_is_reported(tmp_path):
    for name in ("x", "y"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.txt").write_text(ARTICLE)
    docs, errors = load([tmp_path / "x", tmp_path / "y"])
    assert [doc.id for doc in docs] == ["a.txt"]
    assert len(errors) == 1 and "same id 'a.txt'" in errors[0]


def test_hidden_folders_are_not_walked(tmp_path):
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "c.txt").write_text(ARTICLE)
    (tmp_path / "a.txt").write_text(ARTICLE)
    docs, _ = load([tmp_path])
    assert [doc.id for doc in docs] == ["a.txt"]


def test_size_limit_is_a_module_setting(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE)
    monkeypatch.setattr(documents, "MAX_BYTES", 10)
    docs, errors = load([tmp_path])
    assert docs == [] and "limit" in errors[0]


def test_a_file_reached_twice_loads_once(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    docs, errors = load([tmp_path, tmp_path, tmp_path / "a.txt"])
    assert [doc.id for doc in docs] == ["a.txt"] and errors == []


def test_html_fragment_in_jsonl_is_extracted(tmp_path):
    record = {"id": "f", "html": "<p>China has unveiled a state-backed blockchain alliance.</p>"}
    (tmp_path / "d.jsonl").write_text(json.dumps(record) + "\n")
    docs, errors = load([tmp_path])
    assert errors == [] and docs[0].raw == "China has unveiled a state-backed blockchain alliance."


@pytest.mark.parametrize("ending", ["\r\n", "\r", "\n"])
def test_clean_text_maps_exactly_back_into_the_raw_file(tmp_path, ending):
    from tui.cleaning import clean

    text = (
        ARTICLE.replace("\n", ending)
        + "Second paragraph of the body, with more words in it."
        + ending
    )
    data = b"\xef\xbb\xbf" + text.encode()
    (tmp_path / "a.txt").write_bytes(data)
    docs, _ = load([tmp_path])
    raw = docs[0].raw
    assert raw == text
    cleaned = clean(raw)
    mapped = [(i, offset) for i, offset in enumerate(cleaned.offsets) if offset >= 0]
    assert len(mapped) > 100
    for i, offset in mapped:
        assert raw[offset] == cleaned.text[i]
    # and the raw offset is an offset into the decoded file text (the BOM is not counted)
    assert data.decode("utf-8-sig")[mapped[0][1]] == cleaned.text[mapped[0][0]]


def test_a_copyright_year_is_not_taken_for_the_article_date(tmp_path):
    body = (
        "<p>The council voted on Tuesday to approve the new budget, which includes funds for schools "
        "and roads across the region.</p><p>Critics said the plan did not go far enough, according "
        "to a statement released by the opposition party.</p>"
    )
    undated = f"<html><head><title>Budget</title></head><body><article>{body}</article><footer>Copyright 2024</footer></body></html>"
    new_year = undated.replace(
        "<head>", '<head><meta property="article:published_time" content="2020-01-01T09:00:00Z">'
    )
    (tmp_path / "undated.html").write_text(undated)
    (tmp_path / "new_year.html").write_text(new_year)
    docs, errors = load([tmp_path])
    dates = {doc.id: doc.meta.get("date") for doc in docs}
    assert dates == {
        "new_year.html": "2020-01-01",
        "undated.html": None,
    }  # was 2024-01-01 from the footer


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-16-be"])
def test_jsonl_in_utf16_or_utf32_with_a_byte_order_mark(tmp_path, encoding):
    """Windows tools write UTF-16 dumps: every line failed as 'binary data, not text'."""
    lines = [json.dumps({"id": "a", "text": ARTICLE}), json.dumps({"id": "b", "text": "Zwei é"})]
    data = ("\r\n".join(lines) + "\r\n").encode(encoding)
    if encoding == "utf-16-be":  # the explicit codec writes no mark: add it as Windows does
        data = b"\xfe\xff" + data
    (tmp_path / "dump.jsonl").write_bytes(data)
    docs, errors = load([tmp_path])
    assert errors == []
    assert [(doc.id, doc.raw) for doc in docs] == [
        ("dump.jsonl#a", ARTICLE),
        ("dump.jsonl#b", "Zwei é"),
    ]


def test_jsonl_in_broken_utf16_is_one_line_not_a_traceback(tmp_path):
    good = json.dumps({"id": "a", "text": ARTICLE}) + "\n"
    (tmp_path / "dump.jsonl").write_bytes(good.encode("utf-16") + b"\x00\xd8")
    docs, errors = load([tmp_path])
    assert [doc.id for doc in docs] == ["dump.jsonl#a"]
    assert len(errors) == 1 and "dump.jsonl:2: not valid utf-16" in errors[0]
