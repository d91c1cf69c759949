"""Hostile corpus files cost bounded memory and time (issue 9 item 9)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from tui import documents

RECORD = b'{"id": "ok", "text": "Officials said on Monday that the alliance would grow."}\n'


def test_a_huge_one_line_jsonl_is_refused_while_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """30 MB on one line with the limit at 1 MB (the issue's 600 MB at 20 MB, scaled down)."""
    monkeypatch.setattr(documents, "MAX_BYTES", 1024 * 1024)
    path = tmp_path / "dump.jsonl"
    with path.open("wb") as out:
        out.write(b'{"id": "huge", "text": "')
        chunk = b"a" * (1024 * 1024)
        for _ in range(30):
            out.write(chunk)
        out.write(b'"}\n' + RECORD)
    errors: list[str] = []
    tracemalloc.start()
    try:
        docs = list(documents.load_paths([path], on_error=errors.append))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [doc.id for doc in docs] == ["dump.jsonl#ok"]  # the line after it still loads
    assert errors == [f"{path}:1: record over the 1 MB limit; line skipped"]
    assert peak < 6 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB while skipping a 30 MB line"


def test_a_long_last_line_without_newline_is_refused_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(documents, "MAX_BYTES", 1000)
    path = tmp_path / "dump.jsonl"
    path.write_bytes(RECORD + b'{"text": "' + b"b" * 5000 + b'"}')
    errors: list[str] = []
    docs = list(documents.load_paths([path], on_error=errors.append))
    assert [doc.id for doc in docs] == ["dump.jsonl#ok"]
    assert len(errors) == 1 and errors[0].startswith(f"{path}:2: record over the")


def _bomb(path: Path, tags: int = 200_000) -> None:
    """The issue's HTML bomb: ~2 MB of unclosed inline tags (trafilatura: ~40 s)."""
    path.write_text(
        "<html><head><title>Bomb</title></head><body><p>"
        + "<a>words " * tags
        + "</p></body></html>"
    )


def test_an_html_bomb_is_extracted_with_a_time_limit_and_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from tui.corpus import CorpusIndex
    from tui.documents import html_limit

    monkeypatch.setattr(html_limit, "EXTRACT_SECONDS", 2.0)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _bomb(corpus / "bomb.html")
    cache = tmp_path / "cache"
    started = time.monotonic()
    entries = list(CorpusIndex(cache).index([corpus], jobs=1))  # the library's worker
    indexed = time.monotonic() - started
    assert [entry.id for entry in entries] == ["bomb.html"]
    assert indexed < 20, f"indexing took {indexed:.1f} s with a 2 s extraction limit"
    started = time.monotonic()
    document, cleaned = CorpusIndex(cache).load(entries[0])  # what opening the article does
    opened = time.monotonic() - started
    assert opened < 1.5, f"opening took {opened:.2f} s after indexing cached the extraction"
    assert "shown as plain text" in document.meta["notice"]
    assert document.raw.startswith("Bomb") and "words words" in document.raw
    assert "<a>" not in cleaned.text


def test_a_small_page_is_extracted_inline_and_not_cached(tmp_path: Path) -> None:
    from tui.documents.html_limit import extract_limited

    text, meta = extract_limited(
        "<html><body><p>Officials said on Monday that the alliance would grow.</p></body></html>",
        cache_dir=tmp_path,
    )
    assert "alliance would grow" in text and "notice" not in meta
    assert list(tmp_path.iterdir()) == []


def test_the_plain_text_fallback_is_linear_on_unclosed_tags() -> None:
    import time

    from tui.documents.html_limit import plain_text

    assert plain_text("<title>T</title><p>One &amp; two.</p><div>Three<br>four</div>") == (
        "T\nOne & two.\nThree\nfour"
    )
    started = time.monotonic()
    for markup in ("<" * 2_000_000, "<p" * 1_000_000, "<a " * 700_000):
        plain_text(markup)
    assert time.monotonic() - started < 10  # quadratic regexes took minutes here
