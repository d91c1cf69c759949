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
