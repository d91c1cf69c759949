"""The application service: every read and write the UI makes goes through a Session.

Kept free of Textual so the annotation rules (relabel instead of duplicate, overrides that
re-anchor, resume state) are tested as plain Python and shared by every screen; the UI never
imports `tui.store` (an import-linter contract in CI says so).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from tui import corpus
from tui.cleaning import CLEANER_VERSION
from tui.corpus import CorpusEntry
from tui.file_modes import file_mode_of, folder_mode_for, make_folders
from tui.store import Store, StoreError
from tui.store.records import CLAIM_TYPES, STANCES
from tui.workspace.adjudication import Adjudication
from tui.workspace.articles import Article, LineOverrides, upsert_article
from tui.workspace.claim_service import ClaimService
from tui.workspace.claims import ClaimComparison
from tui.workspace.corpus_match import elsewhere_hint
from tui.workspace.crossdoc_records import SearchHit
from tui.workspace.records import (
    AnnotationRecord,
    DocumentRecord,
    EntityRecord,
    LabelRecord,
    ResumeState,
)
from tui.workspace.registry import EntityRegistry
from tui.workspace.rules import guess_claim_type, normalise_overrides, sha256, trim
from tui.workspace.sessions import SessionTracker
from tui.workspace.suggestions import SuggestionService

STATE_KEY = "app.session"
__all__ = [
    "CLAIM_TYPES",
    "STANCES",
    "Article",
    "HistoryStep",
    "Session",
    "StoreError",
    "guess_claim_type",
    "trim",
]


@dataclass(frozen=True)
class HistoryStep:
    """What an undo or redo key did: `done` is False when it was refused, `message` says why."""

    done: bool
    message: str
    other_document: str | None = None


class Session:
    """Opens articles, applies labels and overrides, and remembers where the user was."""

    def __init__(self, store: Store, entries: Sequence[CorpusEntry] | None = None) -> None:
        self.store = store
        self.entries: list[CorpusEntry] = list(entries or [])
        self._labels: list[LabelRecord] | None = None
        self.sessions = SessionTracker(store, store.annotator)
        self.adjudication = Adjudication(store)
        self.registry = EntityRegistry(store)
        self.claims = ClaimComparison(store)
        self.suggestions = SuggestionService(
            store, on_added=lambda label: self.sessions.annotation(label, "added")
        )
        self.follow_links = False  # symlinks leading outside the corpus folders are skipped
        self.claiming = ClaimService(store, self, self.suggestions)
        self.overrides = LineOverrides(store)

    @classmethod
    def open(cls, db_path: str | Path, annotator: str) -> Session:
        """Open (or create) the database; a second instance gets a read-only session."""
        return cls(Store.open(Path(db_path), annotator=annotator))

    def index(
        self,
        paths: list[str],
        cache_dir: Path,
        on_progress: Callable[[int, int], None] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> Iterator[corpus.CorpusEntry]:
        """Index the corpus (cleaning what the cache lacks); entries come in corpus order."""
        mode = file_mode_of(self.store.path)  # a private database gets a private cache
        try:
            make_folders(cache_dir, folder_mode_for(mode) if mode is not None else None)
        except OSError:
            pass  # the corpus reports an unwritable cache itself
        yield from corpus.index(
            paths,
            cache_dir,
            on_progress=on_progress,
            on_error=on_error,
            follow_links=self.follow_links,
        )

    def elsewhere_hint(self, corpus_ids: Collection[str]) -> str | None:
        """After indexing: one line when the database's annotated documents are the corpus's
        files opened from another folder (see corpus_match), else None. Reads every annotation:
        call it off the UI thread."""
        return elsewhere_hint({a["document_id"] for a in self.store.annotations()}, corpus_ids)

    def search_articles(self, query: str) -> dict[str, SearchHit]:
        """Articles of the corpus whose clean text or tagged entity names match `query`.

        Runs off the UI thread (the library's worker): unopened articles are read from the
        cleaned-text cache, opened ones from the database.
        """
        texts: dict[str, str] = {}
        for entry in self.entries:
            record = self.store.get_document(entry.id)
            if record is not None and record.get("text") is not None:
                texts[entry.id] = record["text"]
                continue
            try:
                texts[entry.id] = corpus.load(entry)[1].text
            except Exception:  # an unreadable file is reported when it is opened
                continue
        titles = {entry.id: entry.title or entry.id for entry in self.entries}
        return {hit.document_id: hit for hit in self.claims.search_texts(query, texts, titles)}

    # the store's state, for the status line -------------------------------------
    @property
    def read_only(self) -> bool:
        return bool(self.store.read_only)

    @property
    def lock_holder(self) -> str | None:
        return self.store.lock_holder

    @property
    def annotator(self) -> str:
        return self.store.annotator or ""

    @property
    def save_status(self) -> str:
        return str(self.store.status)

    def on_save_status(self, listener: Callable[[str], None]) -> None:
        """Call `listener` (from the saver thread) whenever the save status changes."""
        self.store.add_status_listener(listener)

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every change is on disk; False if a save is failing."""
        return bool(self.store.flush(timeout=timeout))

    def close(self, timeout: float = 5.0) -> bool:
        self.sessions.close()
        return bool(self.store.close(timeout=timeout))

    # labels -----------------------------------------------------------------
    def labels(self) -> list[LabelRecord]:
        """The label records (name, kind, hotkey, color), read once per session."""
        if self._labels is None:
            self._labels = cast(list[LabelRecord], list(self.store.labels()))
        return self._labels

    def label_for_hotkey(self, key: str) -> LabelRecord | None:
        return next((label for label in self.labels() if str(label.get("hotkey")) == key), None)

    def claim_label(self) -> LabelRecord | None:
        return next((label for label in self.labels() if label.get("kind") == "claim"), None)

    # articles ---------------------------------------------------------------
    def open_article(self, entry: CorpusEntry) -> Article:
        """Load and clean an article with its stored overrides, and record it in the store."""
        record = self.store.get_document(entry.id)
        overrides = normalise_overrides(record.get("overrides") if record else None)
        document, cleaned = corpus.load(entry, overrides or None)
        article = Article(entry, document, cleaned, overrides)
        text_hash = sha256(cleaned.text)
        if (
            record is None
            or record.get("clean_sha256") != text_hash
            or record.get("cleaner_version") != CLEANER_VERSION
            or record.get("raw_sha256") != document.raw_sha256
        ):
            report = upsert_article(self.store, article)
            if report.get("text_changed") and not report.get("created"):
                article.reanchored = report
        self.sessions.opened(entry.id)
        if self.store.read_only:
            return article
        record = self.store.get_document(entry.id) or {}
        if record.get("status", "new") == "new":
            self.store.update_document(entry.id, status="in progress")
        return article

    def record(self, entry: CorpusEntry) -> Article:
        """Load an article and keep its stored clean text current, without marking it opened
        (what corpus-wide suggestions and all-occurrences search read)."""
        record = self.store.get_document(entry.id)
        document, cleaned = corpus.load(
            entry, normalise_overrides((record or {}).get("overrides")) or None
        )
        article = Article(
            entry, document, cleaned, normalise_overrides((record or {}).get("overrides"))
        )
        if record is None or record.get("clean_sha256") != sha256(cleaned.text):
            upsert_article(self.store, article)
        return article

    def document(self, doc_id: str) -> DocumentRecord | None:
        return cast(DocumentRecord | None, self.store.get_document(doc_id))

    def statuses(self) -> dict[str, str]:
        """Every recorded article's status (new / in progress / done), for the library."""
        return {d["id"]: d.get("status", "new") for d in self.store.documents()}

    def entity_names(self) -> dict[str, str]:
        entities = cast(list[EntityRecord], self.store.entities())
        return {e["id"]: e["name"] for e in entities}

    def set_status(self, article: Article, status: str) -> None:
        self.store.update_document(article.id, status=status)
        if status == "done":
            self.sessions.finished(article.id)

    def status(self, doc_id: str) -> str:
        record = self.document(doc_id)
        return record["status"] if record is not None else "new"

    # annotations --------------------------------------------------------------
    def annotations(self, doc_id: str) -> list[AnnotationRecord]:
        """One article's annotations sorted by (start, -end): outer spans first."""
        return cast(list[AnnotationRecord], self.store.annotations(doc_id))

    def apply_label(
        self,
        article: Article,
        label: LabelRecord,
        start: int,
        end: int,
        current: Sequence[AnnotationRecord] | None = None,
    ) -> AnnotationRecord:
        """Tag text[start:end]; the same span with another entity label is relabelled, not doubled
        (a suggestion there is accepted with this label).

        `current` is the caller's up-to-date list of this article's annotations (saves a query).
        """
        start, end = trim(article.text, start, end)
        if start >= end:
            raise ValueError("nothing to label here; move onto a word or select some text")
        for existing in current if current is not None else self.annotations(article.id):
            if (
                existing["start"] == start
                and existing["end"] == end
                and existing["kind"] == label["kind"]
            ):
                if existing.get("state") == "suggested":  # a label key on a suggestion accepts it
                    return cast(
                        AnnotationRecord,
                        self.store.update_annotation(
                            existing["id"], label=label["name"], state="ok"
                        ),
                    )
                if existing["label"] == label["name"]:
                    return existing
                if label["kind"] == "entity":
                    return self.relabel(existing["id"], label["name"])
        source = article.cleaned.raw_span(start, end) or (None, None)
        record = self.store.add_annotation(
            article.id,
            label["kind"],
            label["name"],
            start,
            end,
            source_start=source[0],
            source_end=source[1],
        )
        self.sessions.annotation(label["name"], "added")
        return cast(AnnotationRecord, record)

    def relabel(self, annotation_id: str, label: str) -> AnnotationRecord:
        self.sessions.annotation(label, "changed")
        return cast(AnnotationRecord, self.store.update_annotation(annotation_id, label=label))

    def delete_annotation(self, annotation_id: str) -> None:
        old = self.store.get_annotation(annotation_id)
        self.store.delete_annotation(annotation_id)
        if old is not None:
            self.sessions.annotation(old["label"], "deleted")

    def undo_last(self, undoing: bool = True) -> HistoryStep:
        """Undo or redo the last change wherever it is: the cross-document screens' `u`."""
        description = self.store.undo() if undoing else self.store.redo()
        if description is None:
            return HistoryStep(False, f"nothing more to {'undo' if undoing else 'redo'}")
        return HistoryStep(True, f"{'undid' if undoing else 'redid'}: {description}")

    def history(self, article: Article, undoing: bool) -> HistoryStep:
        """Undo or redo the last change, but only when it belongs to the article on screen."""
        store = self.store
        step = store.next_undo() if undoing else store.next_redo()
        verb = "undo" if undoing else "redo"
        if step is None or (undoing and step.creates_document(article.id)):
            # Recording the article when it was first opened is not a user action to undo.
            return HistoryStep(False, f"nothing more to {verb} in this article")
        others = step.document_ids() - {article.id}
        if others and article.id not in step.document_ids():  # a corpus-wide step here is ours
            other = sorted(others)[0]
            record = store.get_document(other) or {}
            where = record.get("title") or other
            return HistoryStep(
                False,
                f"the last change to {verb} is in another article ({where}); open it there",
                other,
            )
        description = store.undo() if undoing else store.redo()
        return HistoryStep(True, f"{'undid' if undoing else 'redid'}: {description}")

    def counts(self) -> dict[str, Counter[str]]:
        """Entity and claim counts per document for the library, in one pass over the table."""
        counts: dict[str, Counter[str]] = {}
        for annotation in self.store.annotations():
            counts.setdefault(annotation["document_id"], Counter())[annotation["kind"]] += 1
        return counts

    # resume -------------------------------------------------------------------
    def save_position(self, article: Article, cursor: int, selecting: bool) -> None:
        """Remember the article, cursor and selection mode for the next start (not undoable)."""
        if self.store.read_only:
            return
        record = self.store.get_document(article.id)
        if record is not None and record.get("cursor") != cursor:
            self.store.update_document(article.id, cursor=cursor)
        self.store.set_state(
            STATE_KEY, {"document_id": article.id, "cursor": cursor, "selecting": selecting}
        )

    def last_position(self) -> ResumeState:
        state = self.store.get_state(STATE_KEY)
        return cast(ResumeState, state) if isinstance(state, dict) else {}
