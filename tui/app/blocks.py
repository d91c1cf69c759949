"""Cleaned text -> reader blocks: title, a metadata header, paragraphs, and (on request) dropped lines."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from typing import Any

from tui.app.widgets.reader_types import Block
from tui.cleaning import Cleaned
from tui.cleaning.model import page_meta
from tui.text import word_count

# What the reader shows when the cleaner kept nothing, so an empty page is not taken for a failure.
EVERYTHING_DROPPED = (
    "The cleaner dropped all {} lines of this page as boilerplate. "
    "Press z to see them and why; t on one keeps it."
)


def header_line(
    meta: Mapping[str, Any], extra: Mapping[str, Any] | None = None, words: int | None = None
) -> str:
    """The one decoration line under the title: date · author · section · source · words; the
    document's own metadata (`extra`: HTML head, JSONL fields) before the cleaner's guesses (`meta`)."""
    merged = page_meta(extra, meta)
    parts = [
        str(merged[key])
        for key in ("notice", "date", "author", "section", "source", "url")
        if merged.get(key)
    ]
    if words is not None:
        parts.append(f"{words} words")
    return " · ".join(parts) or "no date, author or source found"


def build_blocks(
    cleaned: Cleaned,
    raw: str,
    *,
    show_dropped: bool = False,
    extra_meta: Mapping[str, Any] | None = None,
) -> list[Block]:
    """One block per kept line at its clean offset, in raw order; dropped lines only when asked."""
    text = cleaned.text
    kept = sorted(line.text_start for line in cleaned.lines if line.text_start is not None)
    blocks: list[Block] = []
    title_end = len(cleaned.title)
    blocks.append(Block(text[:title_end], 0, "title", raw_line=_title_line(cleaned)))
    words = word_count(cleaned.body)  # the library's count, so both screens agree
    blocks.append(Block(header_line(cleaned.meta, extra_meta, words), None, "header"))
    if not text and cleaned.lines and not show_dropped:
        blocks.append(Block(EVERYTHING_DROPPED.format(len(cleaned.lines)), None, "header"))
    for line in cleaned.lines:
        if line.text_start is not None:
            if line.text_start < title_end and line.decision == "title":
                continue
            end = _line_end(text, line.text_start, kept)
            blocks.append(
                Block(
                    text[line.text_start : end],
                    line.text_start,
                    "content",
                    raw_line=line.number,
                    note="restored" if line.overridden else None,
                )
            )
        elif show_dropped:
            kind = "meta" if line.decision == "meta" else "dropped"
            reason = "dropped by you" if line.overridden else line.reason or line.decision
            blocks.append(
                Block(
                    raw[line.start : line.end].strip(),
                    None,
                    kind,
                    raw_line=line.number,
                    note=reason,
                )
            )
    return blocks


def _title_line(cleaned: Cleaned) -> int | None:
    return next((line.number for line in cleaned.lines if line.decision == "title"), None)


def _line_end(text: str, start: int, kept: list[int]) -> int:
    """A kept line ends at the next newline or where the next kept line starts, minus trailing spaces."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    following = bisect_right(kept, start)
    if following < len(kept):
        end = min(end, kept[following])
    while end > start and text[end - 1] == " ":
        end -= 1
    return end
