"""Opened articles and the user's per-line overrides of the cleaner (keep or drop a line).

Apart from Session so the override rules — re-clean, store the new text, re-anchor the
annotations, one undo step — are one small class (`session.overrides`) with one job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import cast

from tui.cleaning import CLEANER_VERSION, Cleaned, clean
from tui.cleaning.model import page_meta
from tui.corpus import CorpusEntry
from tui.documents import Document
from tui.store import Store
from tui.workspace.records import AnchorReport
from tui.workspace.rules import normalise_overrides

__all__ = ["Article", "LineOverrides", "upsert_article"]
KEPT = ("title", "content")


@dataclass
class Article:
    """One opened article: the corpus entry, the loaded document and its cleaned text."""

    entry: CorpusEntry
    document: Document
    cleaned: Cleaned
    overrides: dict[int, str] = field(default_factory=dict)
    reanchored: AnchorReport | None = None  # the store's report when opening found a changed text

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def text(self) -> str:
        return self.cleaned.text


def upsert_article(store: Store, article: Article) -> AnchorReport:
    """Record the article's clean text, metadata and overrides; annotations re-anchor if it changed."""
    metadata = page_meta(article.document.meta, article.cleaned.meta)  # the page's own first
    if store.read_only:
        return {}
    # the store hashes the text itself (its clean_sha256 argument is ignored: see docs)
    report = store.upsert_document(
        article.id,
        text=article.cleaned.text,
        path=str(article.document.path),
        raw_sha256=article.document.raw_sha256,
        cleaner_version=CLEANER_VERSION,
        title=article.cleaned.title,
        metadata=metadata,
        overrides={str(k): v for k, v in sorted(article.overrides.items())},
        source_span=article.cleaned.raw_span,
    )
    return cast(AnchorReport, report)


class LineOverrides:
    """Keep a dropped line or drop a kept one (`t`), and re-read overrides after undo/redo."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def toggle_line(self, article: Article, line_number: int) -> tuple[Article, AnchorReport]:
        """Restore a dropped line as content, or drop a kept one; annotations re-anchor in the store."""
        line = next((line for line in article.cleaned.lines if line.number == line_number), None)
        if line is None:
            raise ValueError(
                f"line {line_number} is not a line of {article.id}; move to a text line first"
            )
        overrides = dict(article.overrides)
        if line.overridden:
            overrides.pop(line_number, None)
        else:
            overrides[line_number] = "boilerplate" if line.decision in KEPT else "content"
        cleaned = clean(article.document.raw, overrides or None)
        updated = Article(article.entry, article.document, cleaned, overrides)
        verb = "drop" if line.decision in KEPT and not line.overridden else "restore"
        with self.store.transaction(f"{verb} line {line_number}"):
            report = upsert_article(self.store, updated)
        return updated, report or {}

    def reload(self, article: Article) -> Article:
        """Re-read overrides after undo/redo; re-clean only when they changed."""
        record = self.store.get_document(article.id) or {}
        overrides = normalise_overrides(record.get("overrides"))
        if overrides == article.overrides:
            return article
        return Article(
            article.entry,
            article.document,
            clean(article.document.raw, overrides or None),
            overrides,
        )
