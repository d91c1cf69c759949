"""Corpus index: entries, the second start that reads nothing, and a cache that never crashes."""

import json
import os

import pytest

import tui.corpus as corpus
from tui.cleaning import clean
from tui.corpus import CorpusIndex, index, load
from tui.text import words

ARTICLE = (
    "China forms state-backed blockchain alliance\n\n"
    "Home | News | Markets\n\n"
    "China has unveiled a state-backed blockchain alliance featuring big players such as Huobi, "
    "China Telecom and China UnionPay, according to reports from the local media.\n\n"
    "The network has been planned by top-level employees at the NIC and is being developed "
    "by China UnionPay and China Mobile, the director of the agency said on Tuesday.\n"
)


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "corpus"
    (root / "cointelegraph").mkdir(parents=True)
    (root / "cointelegraph" / "a.txt").write_text(ARTICLE)
    (root / "b.txt").write_text(ARTICLE.replace("Huobi", "Huobi China"))
    (root / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    record = {
        "id": "r1",
        "text": ARTICLE,
        "title": "From JSONL",
        "url": "https://www.reuters.com/a",
        "date": "2019-11-12",
    }
    (root / "dump.jsonl").write_text(json.dumps(record) + "\n")
    return root


def run(root, cache, **kwargs):
    errors, progress = [], []
    entries = list(
        index(
            [root],
            cache,
            on_progress=lambda d, t: progress.append((d, t)),
            on_error=errors.append,
            **kwargs,
        )
    )
    return entries, errors, progress


def test_entries_have_titles_sources_and_counts(tree, tmp_path):
    entries, errors, progress = run(tree, tmp_path / "cache")
    by_id = {entry.id: entry for entry in entries}
    assert sorted(by_id) == ["b.txt", "cointelegraph/a.txt", "dump.jsonl#r1"]
    a = by_id["cointelegraph/a.txt"]
    assert a.title == "China forms state-backed blockchain alliance"
    assert a.source == "cointelegraph" and a.kind == "txt"
    assert a.words == len(words(clean(ARTICLE).body)) > 40
    assert by_id["b.txt"].source == "corpus"
    jsonl = by_id["dump.jsonl#r1"]
    assert (jsonl.title, jsonl.date, jsonl.source) == ("From JSONL", "2019-11-12", "reuters.com")
    assert len(errors) == 1 and "bad.txt: binary data" in errors[0]
    assert progress[0] == (0, 4) and progress[-1] == (4, 4)
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)


def test_second_start_reads_no_file_and_replays_errors(tree, tmp_path, monkeypatch):
    first, first_errors, _ = run(tree, tmp_path / "cache")

    def forbidden(*args, **kwargs):
        raise AssertionError("second start re-read a file")

    monkeypatch.setattr(corpus, "load_source", forbidden)
    second, second_errors, _ = run(tree, tmp_path / "cache")
    assert second == first
    assert second_errors == first_errors
    assert all(entry.cache_dir == str(tmp_path / "cache") for entry in second)


def test_changed_file_is_the_only_one_re_read(tree, tmp_path, monkeypatch):
    before, _, _ = run(tree, tmp_path / "cache")
    changed = tree / "b.txt"
    changed.write_text("A different title\n\n" + ARTICLE)
    os.utime(changed, ns=(1, 1))
    read = []
    real = corpus.load_source
    monkeypatch.setattr(
        corpus,
        "load_source",
        lambda source, on_error, **options: (
            read.append(source.id),
            real(source, on_error, **options),
        )[1],
    )
    entries, _, _ = run(tree, tmp_path / "cache")
    assert read == ["b.txt"]
    old_sha = {entry.id: entry.raw_sha256 for entry in before}
    new_sha = {entry.id: entry.raw_sha256 for entry in entries}
    assert [key for key in new_sha if new_sha[key] != old_sha[key]] == ["b.txt"]


def test_load_uses_cache_and_overrides_re_clean(tree, tmp_path, monkeypatch):
    entries, _, _ = run(tree, tmp_path / "cache")
    entry = next(entry for entry in entries if entry.id == "cointelegraph/a.txt")
    calls = []
    import tui.cleaning

    real_clean = tui.cleaning.clean
    monkeypatch.setattr(
        tui.cleaning,
        "clean",
        lambda raw, overrides=None: (calls.append(overrides), real_clean(raw, overrides))[1],
    )
    document, cleaned = load(entry)
    assert calls == []
    fresh = real_clean(document.raw)
    assert (cleaned.title, cleaned.body, cleaned.text, cleaned.meta) == (
        fresh.title,
        fresh.body,
        fresh.text,
        fresh.meta,
    )
    assert cleaned.lines == fresh.lines and list(cleaned.offsets) == list(fresh.offsets)
    _, overridden = load(entry, overrides={3: "content"})
    assert calls == [{3: "content"}]
    assert "Home | News | Markets" in overridden.text


def test_load_finds_jsonl_record(tree, tmp_path):
    entries, _, _ = run(tree, tmp_path / "cache")
    entry = next(entry for entry in entries if entry.kind == "jsonl")
    document, cleaned = load(entry)
    assert document.id == "dump.jsonl#r1" and document.raw == ARTICLE
    assert "UnionPay" in cleaned.text


def test_corrupt_cache_files_are_rebuilt(tree, tmp_path):
    cache = tmp_path / "cache"
    first, _, _ = run(tree, cache)
    for path in cache.rglob("*.json"):
        path.write_bytes(b"\x00garbage{")
    second, errors, _ = run(tree, cache)
    assert second == first and len(errors) == 1
    entry = next(entry for entry in second if entry.id == "b.txt")
    document, cleaned = load(entry)
    assert cleaned.text == clean(document.raw).text
    cached = CorpusIndex(cache).cache.get(entry.raw_sha256, document.raw)
    assert cached is not None and cached.text == cleaned.text


def test_cache_is_keyed_by_cleaner_version(tree, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    run(tree, cache)
    before = {path.name for path in (cache / "cleaned").rglob("*.json")}
    monkeypatch.setattr("tui.corpus.cleaned_cache.CLEANER_VERSION", "test-next")
    monkeypatch.setattr("tui.corpus.index_file.CLEANER_VERSION", "test-next")
    run(tree, cache)
    after = {path.name for path in (cache / "cleaned").rglob("*.json")}
    assert len(after) == 2 * len(before)
    assert any(name.endswith("-vtest-next.json") for name in after)


def test_unwritable_cache_dir_is_one_line_not_a_crash(tree, tmp_path):
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    entries, errors, _ = run(tree, blocker / "cache")
    assert len(entries) == 3
    cache_errors = [line for line in errors if line.startswith(str(blocker))]
    assert len(cache_errors) == 2  # one for cleaned results, one for the index file
    assert all("\n" not in line for line in errors)


def test_no_cache_dir_still_indexes(tree):
    entries, _, _ = run(tree, None)
    assert len(entries) == 3


def test_cleaner_failure_is_one_line_and_listing_goes_on(tree, tmp_path, monkeypatch):
    import tui.cleaning

    real_clean = tui.cleaning.clean

    def flaky(raw, overrides=None):
        if "Huobi China" in raw:
            raise RuntimeError("boom")
        return real_clean(raw, overrides)

    monkeypatch.setattr(tui.cleaning, "clean", flaky)
    entries, errors, _ = run(tree, tmp_path / "cache")
    assert sorted(entry.id for entry in entries) == ["cointelegraph/a.txt", "dump.jsonl#r1"]
    assert any("cleaner failed on b.txt (RuntimeError: boom)" in line for line in errors)
    monkeypatch.setattr(tui.cleaning, "clean", real_clean)
    entries, errors, _ = run(tree, tmp_path / "cache")
    assert "b.txt" in {entry.id for entry in entries}  # retried, not remembered as failed


def test_load_of_one_jsonl_record_skips_the_others(tmp_path, monkeypatch):
    root = tmp_path / "dump"
    root.mkdir()
    lines = [json.dumps({"id": f"r{n}", "html": f"<p>{ARTICLE}</p>"}) for n in range(5)]
    lines.insert(2, "{broken")
    lines.append(json.dumps({"id": "plain", "title": "Two\nlines", "text": ARTICLE}))
    (root / "d.jsonl").write_text("\n".join(lines) + "\n")
    entries, errors, _ = run(root, tmp_path / "cache")
    assert len(entries) == 6 and len(errors) == 1
    assert entries[-1].title == "Two lines"
    import tui.documents.html

    extracted = []
    real = tui.documents.html.extract_html
    monkeypatch.setattr(
        tui.documents.html, "extract_html", lambda *a, **k: (extracted.append(1), real(*a, **k))[1]
    )
    opened = []
    document, _ = load(entries[3], on_error=opened.append)
    assert document.id == "d.jsonl#r3" and len(extracted) == 1 and opened == []
