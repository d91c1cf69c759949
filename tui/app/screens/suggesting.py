"""The reader's suggestion keys (accept, reject, alike, next, suggest now), as an object the
reader screen owns; the all-occurrences keys are in occurrence_keys.py.

Composition, not a mixin: the Suggester reaches the screen only through the small
`SuggestingScreen` protocol below and the data only through `session.suggestions`.
Registry suggestions are added when an article opens (one Aho-Corasick pass); `S` runs the
slower sources (claim cues, a spaCy pipeline) in a worker thread that posts its proposals back.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from typing import Any, Protocol

from textual.message import Message

from tui.app.screens.reader_part import ReaderScreenPart
from tui.app.spans import ArticleMarks
from tui.wording import plural
from tui.workspace import AnnotationRecord
from tui.workspace.session import Article
from tui.workspace.suggestions import Proposal

MODEL_ENV = "NEWSMARK_MODEL"  # an installed spaCy pipeline the S key runs as well
LABEL_MAP_ENV = "NEWSMARK_LABEL_MAP"  # "NORP=GPE,DATE=": spaCy label -> ours ('' drops it)


def label_map_of(spec: str) -> dict[str, str] | None:
    """The default map with `SPACY=OURS` pairs on top (None: the default as is)."""
    if not spec.strip():
        return None
    from tui.analysis.model import DEFAULT_LABEL_MAP

    mapping = dict(DEFAULT_LABEL_MAP)
    for pair in spec.split(","):
        source, _, target = pair.strip().partition("=")
        if target:
            mapping[source] = target
        else:
            mapping.pop(source, None)
    return mapping


class SuggestionsReady(Message):
    """Proposals computed off the UI thread for one document, to be stored by the handler."""

    def __init__(self, document_id: str, proposals: list[Proposal], note: str = "") -> None:
        super().__init__()
        self.document_id = document_id
        self.proposals = proposals
        self.note = note


class SuggestingScreen(ReaderScreenPart, Protocol):
    """What the Suggester needs from the reader screen: its common part, the marks, and `changed`."""

    @property
    def marks(self) -> ArticleMarks: ...

    def changed(self, record: Any, *, removed: bool = False) -> None: ...


class Suggester:
    """Suggested spans (accept, reject, next), all occurrences, and repeat-last-label."""

    def __init__(self, screen: SuggestingScreen) -> None:
        self.screen = screen
        self.model_name = os.environ.get(MODEL_ENV) or None
        self.pipeline: Any = None
        self.label_map = label_map_of(os.environ.get(LABEL_MAP_ENV, ""))

    def writable(self) -> bool:
        if self.screen.session.read_only:
            self.screen.warn(
                "read-only: another newsmark holds the database; suggestions cannot be saved"
            )
            return False
        return True

    @property
    def service(self) -> Any:
        return self.screen.session.suggestions

    def _article(self) -> Article:
        article = self.screen.article
        assert article is not None
        return article

    def suggested(self) -> list[AnnotationRecord]:
        """The article's open suggestions in text order (kept by the marks: no scan of them all)."""
        return sorted(self.screen.marks.suggested.values(), key=lambda a: (a["start"], -a["end"]))

    def status(self) -> str:
        count = len(self.screen.marks.suggested)  # every key refreshes the status: O(1)
        return f" · {plural(count, 'suggestion')} (a/r, f next)" if count else ""

    # suggesting ------------------------------------------------------------------
    def on_open(self) -> None:
        """Registry names found in the article become suggestions at once (one fast pass, no worker);
        called while the screen loads the article, before it reads the annotations."""
        screen = self.screen
        if screen.session.read_only or screen.article is None:
            return
        doc_id = screen.article.id
        self.service.add(
            doc_id, self.service.registry_proposals(doc_id)
        )  # the screen reads them next

    def suggest_now(self) -> None:
        """Claim cues, the registry and the configured spaCy pipeline, in a worker thread."""
        screen = self.screen
        if not self.writable():
            return
        doc_id = self._article().id
        service, name = self.service, self.model_name
        screen.refresh_status(
            "suggesting…" + (f" (loading {name})" if name and self.pipeline is None else "")
        )

        def work() -> None:
            note = ""
            proposals = service.registry_proposals(doc_id) + service.claim_proposals(doc_id)
            if name:
                try:
                    if self.pipeline is None:
                        from tui.analysis.model import load_pipeline

                        self.pipeline = load_pipeline(name)
                    proposals += service.model_proposals(
                        doc_id, self.pipeline, name, self.label_map
                    )
                except ValueError as error:
                    note = str(error)
            screen.post_message(SuggestionsReady(doc_id, proposals, note))

        screen.run_worker(work, thread=True, exclusive=True, group="suggest")

    def ready(self, message: SuggestionsReady) -> None:
        screen = self.screen
        if screen.article is None or message.document_id != screen.article.id:
            return  # the user moved on; the next S suggests there
        added = self.service.add(message.document_id, message.proposals)
        screen.reload_annotations()
        note = message.note or f"{plural(len(added), 'new suggestion')}"
        if added and not any(a["id"] == (screen.under_cursor() or {}).get("id") for a in added):
            self.jump(forward=True)
        screen.refresh_status(note + self.hint())

    # going through them ----------------------------------------------------------
    def step(self, forward: bool) -> None:
        """`f` / `F`: on to the next or previous suggestion, saying when `=` would take others alike."""
        if self.jump(forward):
            only = len(self.suggested()) == 1  # the cursor stays: say why f did not move it
            self.screen.refresh_status(
                "the only open suggestion here: a accepts, r rejects"
                if only
                else self.hint().removeprefix(" · ")
            )

    def jump(self, forward: bool) -> bool:
        starts = [a["start"] for a in self.suggested()]
        cursor = self.screen.reader.cursor
        if forward:
            index = bisect_right(starts, cursor)
            target = starts[index] if index < len(starts) else (starts[0] if starts else None)
        else:
            earlier = [s for s in starts if s < cursor]
            target = earlier[-1] if earlier else (starts[-1] if starts else None)
        if target is None:
            self.screen.refresh_status("no open suggestions in this article (S suggests)")
            return False
        self.screen.reader.move_to(target)
        return True

    def current(self) -> AnnotationRecord | None:
        """The suggestion under the cursor, if any: what a, r, = and X act on."""
        found: AnnotationRecord | None = self.screen.under_cursor()
        if found is not None and found.get("state") == "suggested":
            return found
        cursor = self.screen.reader.cursor
        return next((a for a in self.suggested() if a["start"] <= cursor < a["end"]), None)

    def decide(self, accept: bool) -> None:
        screen = self.screen
        if not self.writable():
            return
        current = self.current()
        if current is None:
            if self.jump(forward=True):
                screen.refresh_status("moved to the next suggestion; a accepts, r rejects")
            return
        if accept:
            record = self.service.accept(current["id"])
            screen.changed(record)
            verb = f"accepted {record['label']}"
        else:
            self.service.reject(current["id"])
            screen.changed(current, removed=True)
            verb = "rejected (not suggested here again)"
        if self.suggested():
            self.jump(forward=True)
        screen.refresh_status(f"{verb} (u undoes){self.hint()}")

    def decide_alike(self, accept: bool) -> None:
        """`=` / `X`: the suggestion under the cursor and every one with its text and label here."""
        screen = self.screen
        if not self.writable():
            return
        current = self.current()
        if current is None:
            if self.jump(forward=True):
                screen.refresh_status(
                    "moved to the next suggestion; = accepts all alike, X rejects"
                )
            return
        group = self.service.decide_alike(current["id"], accept)
        for record in group:
            screen.changed(record, removed=not accept)
        if self.suggested():
            self.jump(forward=True)
        verb = "accepted" if accept else "rejected"
        text = " ".join(current["exact"].split())
        screen.refresh_status(
            f"{verb} {len(group)} × “{text}” as {current['label']} (u undoes all){self.hint()}"
        )

    def hint(self) -> str:
        """What the status line says on a suggestion that has others alike: `=` takes them all."""
        current = self.current()
        if current is None:
            return ""
        text = " ".join(current["exact"].split())
        count = sum(
            1
            for a in self.suggested()
            if (a["label"], a["kind"]) == (current["label"], current["kind"])
            and " ".join(a["exact"].split()) == text
        )
        return f" · = accepts all {count} “{text}”, X rejects them" if count > 1 else ""

    def accept_all(self) -> None:
        screen = self.screen
        if not self.writable():
            return
        accepted = self.service.accept_all(self._article().id)
        if not accepted:  # nothing changed, so there is nothing for u to undo either
            screen.refresh_status("no open suggestions in this article (S suggests)")
            return
        screen.reload_annotations()
        screen.refresh_status(f"accepted {plural(len(accepted), 'suggestion')} (u undoes all)")
