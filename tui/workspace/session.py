"""The application service: every read and write the UI makes goes through a Session.

Kept free of Textual so the annotation rules (relabel instead of duplicate, overrides that
re-anchor, resume state) are tested as plain Python and shared by every screen; the UI never
imports `tui.store` (an import-linter contract in CI says so).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from tui import corpus
from tui.cleaning import CLEANER_VERSION, Cleaned, clean
from tui.corpus import CorpusEntry
from tui.documents import Document
from tui.file_modes import file_mode_of, folder_mode_for, make_folders
from tui.store import Store, StoreError
from tui.store.records import CLAIM_TYPES, STANCES
from tui.text import sentences_in
from tui.workspace.adjudication import Adjudication
from tui.workspace.claims import ClaimComparison
from tui.workspace.crossdoc_records import SearchHit
from tui.workspace.records import (
    AnchorReport,
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
        self.suggestions = SuggestionService(store)
        self.follow_links = False  # symlinks leading outside the corpus folders are skipped

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
            report = self._upsert(article)
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
            self._upsert(article)
        return article

    def _upsert(self, article: Article) -> AnchorReport:
        metadata = {
            **dict(article.document.meta or {}),
            **{k: v for k, v in article.cleaned.meta.items() if v},
        }
        if self.store.read_only:
            return {}
        # the store hashes the text itself (its clean_sha256 argument is ignored: see docs)
        report = self.store.upsert_document(
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
            report = self._upsert(updated)
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

    def claim_range(
        self, article: Article, selection: tuple[int, int] | None, cursor: int
    ) -> tuple[int, int]:
        """A claim covers the selection, else the sentence under the cursor."""
        if selection and selection[0] < selection[1]:
            return selection
        for start, end in sentences_in(article.text, cursor, cursor + 1):
            if start <= cursor < end:
                return start, end
        raise ValueError("the cursor is not in a sentence; select the claim with v first")

    def add_claim(
        self, article: Article, start: int, end: int, attributes: dict[str, Any]
    ) -> AnnotationRecord:
        """Create a claim with its attributes as one undo step, linking a picked speaker mention."""
        label = self.claim_label()
        if label is None:
            raise ValueError(
                "no label of kind 'claim'; add one with store.add_label or the labels table"
            )
        with self.store.transaction("add claim"):
            claim = self.apply_label(article, label, start, end)
            claim = self.set_claim_attributes(claim["id"], attributes)
        return claim

    def set_claim_attributes(self, claim_id: str, attributes: dict[str, Any]) -> AnnotationRecord:
        """Store the claim's attributes; a speaker picked from the text is linked to the entity registry
        and gets a said_by relation, so exports can say who said what across articles."""
        with self.store.transaction("claim attributes"):
            speaker = attributes.get("speaker")
            speaker = speaker if isinstance(speaker, dict) else {}
            target = speaker.get("annotation_id")
            if target and self.store.get_annotation(target) is None:
                # the speaker's mention was deleted: keep the name and registry entity, drop the dead link
                target, speaker = None, {**speaker, "annotation_id": None}
                attributes = {**attributes, "speaker": speaker}
            if target:
                attributes = {
                    **attributes,
                    "speaker": {**speaker, "entity_id": self.registry_entity(target)},
                }
            elif isinstance(speaker, dict) and speaker.get("text") and not speaker.get("entity_id"):
                entity = self.suggestions.entity_named(speaker["text"])  # a typed registry name
                attributes = {**attributes, "speaker": {**speaker, "entity_id": entity}}
            claim = cast(
                AnnotationRecord, self.store.update_annotation(claim_id, attributes=attributes)
            )
            said_by = [
                r
                for r in self.store.relations_of(claim_id)
                if r["from"] == claim_id and r["type"] == "said_by"
            ]
            for relation in said_by:
                if (
                    relation["to"] != target
                ):  # the speaker changed: the old link would name two speakers
                    self.store.delete_relation(relation["id"])
            if target and not any(r["to"] == target for r in said_by):
                self.store.add_relation(claim_id, target, "said_by")
        return claim

    def registry_entity(self, mention_id: str) -> str | None:
        """The registry entity of a mention: its link, else an entity with the same name and type
        (created if needed), which the mention is then linked to."""
        mention = cast(AnnotationRecord | None, self.store.get_annotation(mention_id))
        if mention is None:
            return None
        linked = mention.get("entity_id")
        if linked:
            return linked
        name = " ".join(mention["exact"].split())
        folded = name.casefold()
        entities = cast(list[EntityRecord], self.store.entities())
        entity = next(
            (
                e
                for e in entities
                if e["type"] == mention["label"]
                and folded in [n.casefold() for n in [e["name"], *e.get("aliases", [])]]
            ),
            None,
        ) or cast(EntityRecord, self.store.add_entity(name, mention["label"]))
        self.store.link(mention_id, entity["id"])
        return entity["id"]

    def speakers(self, doc_id: str) -> list[AnnotationRecord]:
        """Entity mentions in the article, one per distinct text, people first, as speaker choices."""
        seen: dict[str, AnnotationRecord] = {}
        for annotation in self.annotations(doc_id):
            if annotation["kind"] == "entity" and annotation.get("state", "ok") == "ok":
                seen.setdefault(" ".join(annotation.get("exact", "").split()), annotation)
        return sorted(seen.values(), key=lambda a: (a["label"] != "PERSON", a["start"]))

    def guess_speaker(self, doc_id: str, start: int, end: int) -> AnnotationRecord | None:
        """The mention nearest a claim (people first, within 40 characters): a default the user confirms."""
        best: tuple[tuple[bool, int], AnnotationRecord] | None = None
        for mention in self.speakers(doc_id):
            distance = max(0, start - mention["end"], mention["start"] - end)
            if distance <= 40:
                rank = (mention["label"] != "PERSON", distance)
                if best is None or rank < best[0]:
                    best = (rank, mention)
        return best[1] if best else None

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
