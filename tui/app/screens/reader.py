"""Reader screen: the article, its annotation panel and status line, and every annotating key."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer

from tui.app.blocks import build_blocks
from tui.app.screens.annotating import Annotator
from tui.app.screens.crossdoc_keys import CrossDocKeys
from tui.app.screens.library import LibraryScreen
from tui.app.screens.occurrence_keys import CorpusProgress, OccurrenceKeys, OccurrencesFound
from tui.app.screens.reader_keys import LABEL_KEYS, READER_SCREEN_BINDINGS, labelled
from tui.app.screens.suggesting import Suggester, SuggestionsReady
from tui.app.spans import ArticleMarks, label_styles
from tui.app.widgets.reader import ReaderView
from tui.app.widgets.reader_messages import CursorMoved, SelectionChanged
from tui.app.widgets.reader_search import SearchChanged
from tui.app.widgets.reader_types import Block, Span
from tui.app.widgets.side_panel import SidePanel
from tui.app.widgets.status_line import StatusLine
from tui.safe_text import visible
from tui.wording import plural
from tui.workspace import AnchorReport, AnnotationRecord, ResumeState
from tui.workspace.session import Article, Session


class ReaderScreen(Screen[None]):
    """Shows one article at a time; `]`/`[` walk the corpus without leaving the screen."""

    BINDINGS = READER_SCREEN_BINDINGS

    def __init__(
        self, session: Session, entry_index: int, resume: ResumeState | None = None
    ) -> None:
        super().__init__()
        self.session = session
        self.entry_index = entry_index
        self.resume = resume or {}
        self.article: Article | None = None
        self.marks = ArticleMarks(session.labels())
        self.shown_details: AnnotationRecord | None = None
        self.position_timer: Timer | None = None
        self.panel_timer: Timer | None = None
        self.show_dropped = False
        self.annotator = Annotator(session, self)
        self.suggester = Suggester(self)
        self.occurrence_keys = OccurrenceKeys(self)
        self.crossdoc = CrossDocKeys(self)

    @classmethod
    def for_session(
        cls, session: Session, entry_index: int, resume: ResumeState | None = None
    ) -> ReaderScreen:
        """A reader whose `1`-`0` keys are described by the label they apply (labels are data),
        so help, the palette and the footer say "Label PERSON" rather than "Label 1"."""
        names = tuple(
            (key, label["name"])
            for key in LABEL_KEYS
            if (label := session.label_for_hotkey(key)) is not None
        )
        screen_class: type[ReaderScreen] = labelled(cls, names)
        return screen_class(session, entry_index, resume)

    def compose(self) -> ComposeResult:
        with Horizontal(id="reader-main"):
            yield ReaderView(id="reader")
            yield SidePanel(id="side-panel")
        yield StatusLine(id="status-line")
        yield Footer()

    @property
    def reader(self) -> ReaderView:
        return self.query_one(ReaderView)

    def on_mount(self) -> None:
        status = self.query_one(StatusLine)
        session = self.session
        status.annotator = session.annotator
        status.save_status = session.save_status
        status.read_only = session.lock_holder or "another process" if session.read_only else None
        labels = self.session.labels()
        self.query_one(SidePanel).set_legend(labels, label_styles(labels))
        self.load(
            self.entry_index,
            cursor=self.resume.get("cursor"),
            selecting=self.resume.get("selecting", False),
        )
        if self.article is None:  # the file could not be opened (the toast says why)
            self.app.pop_screen()
            return
        self.reader.focus()

    # loading ------------------------------------------------------------------
    def load(self, index: int, *, cursor: int | None = None, selecting: bool = False) -> None:
        """Open entry `index`, resuming its stored cursor unless one is given."""
        if self.article is not None:
            self.save_position()
        entry = self.session.entries[index]
        try:
            article = self.session.open_article(entry)
        except Exception as error:  # unreadable file: stay where we are and say why
            self.notify(visible(f"cannot open {entry.id}: {error}"), severity="error", markup=False)
            return
        self.entry_index, self.article = index, article
        if cursor is None:
            record = self.session.document(article.id)
            cursor = (record.get("cursor") if record is not None else None) or 0
        self.suggester.on_open()  # registry names become suggestions before the first paint
        self.marks.reset(self.session.annotations(article.id))
        cursor = min(max(0, int(cursor)), len(article.text))
        self.reader.set_document(self.blocks(), self.spans(), cursor=cursor)
        if selecting:
            self.reader.selecting = True
        self.refresh_panel()
        self.refresh_status(self.reanchor_note(article.reanchored))

    def reanchor_note(self, report: AnchorReport | None) -> str:
        """Opening re-anchored annotations (a newer cleaner, an edited file): say so, loudly if some were lost."""
        if not report:
            return ""
        orphaned = len(report.get("orphaned") or ())
        note = (
            f"the clean text changed since last time: {plural(report.get('kept', 0), 'annotation')}"
            f" kept, {report.get('moved', 0) + report.get('fuzzy', 0)} re-placed, {orphaned} orphaned"
        )
        if orphaned:
            self.warn(note + " (Tab lists them; x in the list deletes one)")
        return note

    def blocks(self) -> list[Block]:
        article = self.shown
        return build_blocks(
            article.cleaned,
            article.document.raw,
            show_dropped=self.show_dropped,
            extra_meta=dict(article.document.meta or {}),
        )

    @property
    def shown(self) -> Article:
        """The article on screen (there is one from mount until the screen closes)."""
        assert self.article is not None, "no article is open"
        return self.article

    @property
    def annotations(self) -> list[AnnotationRecord]:
        """This article's annotations in text order (outer spans first)."""
        return self.marks.annotations

    def spans(self) -> list[Span]:
        return self.marks.spans()

    def reload_annotations(self, article: Article | None = None) -> None:
        """Re-read this article's annotations after a change; given a re-cleaned `article`
        (undo of an override, a kept or dropped line), show it, rebuilding the blocks."""
        text_changed = article is not None and article is not self.article
        if article is not None:
            self.article = article
        self.marks.reset(self.session.annotations(self.shown.id))
        if text_changed:
            reader = self.reader
            self.reader.set_document(
                self.blocks(), self.spans(), cursor=min(reader.cursor, len(self.shown.text))
            )
        else:
            self.reader.set_spans(self.spans())
        self.schedule_panel()
        self.refresh_status()

    def changed(self, record: AnnotationRecord, *, removed: bool = False) -> None:
        """Apply one annotation change to the local list: no store query, only its span repaints."""
        self.reader.update_span(*self.marks.apply(record, removed=removed))
        self.schedule_panel()
        self.refresh_status()

    def schedule_panel(self) -> None:
        """Rebuild the side panel after the text repaint; with hundreds of annotations, only once
        the keys pause, so fast labelling never waits for the list."""
        if self.panel_timer is not None:
            self.panel_timer.stop()
            self.panel_timer = None
        if len(self.annotations) < 300:
            self.call_after_refresh(self.refresh_panel)
        else:
            self.panel_timer = self.set_timer(0.3, self.refresh_panel)

    # panel and status -----------------------------------------------------------
    def refresh_panel(self) -> None:
        panel = self.query_one(SidePanel)
        panel.set_annotations(self.annotations)
        self.refresh_details(force=True)

    def refresh_details(self, force: bool = False) -> None:
        """Show the annotation under the cursor; skipped when it is the one already shown,
        because a details update re-lays out the panel and most word moves stay in one span."""
        annotation = self.under_cursor()
        if not force and annotation is self.shown_details:
            return
        self.shown_details = annotation
        names = {}
        if annotation is not None and annotation.get("entity_id"):
            names = self.session.entity_names()
        linked = (
            self.session.claims.relations_of(annotation["id"])
            if annotation is not None and annotation["kind"] == "claim"
            else None
        )
        self.query_one(SidePanel).show_details(annotation, names, linked)

    def refresh_status(self, message: str = "") -> None:
        status = self.query_one(StatusLine)
        # "saving" shows in the frame of the change itself (the saver's own message then changes
        # nothing), so a label key repaints the status line once, not once per save state
        status.save_status = self.session.save_status
        article = self.shown
        done = self.session.status(article.id)
        # an article whose only line was dropped has no title: name it as the library does
        title = " ".join((article.cleaned.title or article.entry.title or article.id).split())[:60]
        status.position = (
            f"article {self.entry_index + 1} of {len(self.session.entries)} · {done}"
            f"{self.suggester.status()} · {title}"
        )
        modes = []
        if self.reader.selecting:
            modes.append("SELECT")
        if self.show_dropped:
            modes.append("BOILERPLATE")
        status.mode = " ".join(modes)
        search = self.reader.search
        status.message = search.prompt if search.active else message  # a typed query stays in view

    def on_reader_view_cursor_moved(self, message: CursorMoved) -> None:
        self.refresh_details()
        # Remember the position once the user pauses, so even a crash resumes close by.
        if self.position_timer is not None:
            self.position_timer.stop()
        self.position_timer = self.set_timer(2.0, self.save_position)

    def on_reader_view_selection_changed(self, message: SelectionChanged) -> None:
        # only the SELECT mode changes; a note (say, what opening re-anchored) must not be wiped
        self.refresh_status(self.query_one(StatusLine).message)

    def on_side_panel_jump(self, message: SidePanel.Jump) -> None:
        annotation = next((a for a in self.annotations if a["id"] == message.annotation_id), None)
        if annotation is not None:
            self.reader.move_to(annotation["start"])
            self.reader.focus()

    def on_side_panel_back(self, message: SidePanel.Back) -> None:
        self.reader.focus()

    def under_cursor(self) -> AnnotationRecord | None:
        found = self.marks.innermost(self.reader.cursor)
        if found is None and self.reader.selection is None:
            # an imported or re-anchored span can start inside a word, where the cursor never stops
            word = self.reader.target_range()
            found = self.marks.innermost(*word) if word else None
        return found

    def save_position(self) -> None:
        if self.article is not None:
            self.session.save_position(
                self.article, self.reader.cursor, bool(self.reader.selecting)
            )

    def warn(self, message: str) -> None:
        """A toast that never interprets markup: messages can quote article text and file names."""
        self.notify(visible(message), severity="warning", markup=False)

    def open_modal(self, modal: Screen[Any], done: Callable[[Any], None]) -> None:
        self.app.push_screen(modal, done)

    def open_document(self, document_id: str, cursor: int) -> None:
        """Show another article (a linked claim's) with the cursor on `cursor`."""
        index = next((i for i, e in enumerate(self.session.entries) if e.id == document_id), None)
        if index is None:
            self.warn(f"{document_id} is not in the corpus opened here")
            return
        self.load(index, cursor=cursor)

    def action_crossdoc(self, method: str) -> None:
        """The link keys (`l ; J`): the CrossDocKeys object does the work."""
        getattr(self.crossdoc, method)()

    # annotating keys: the Annotator does the work -------------------------------
    def action_label(self, key: str) -> None:
        ghost = self.under_cursor() if self.reader.selection is None else None
        self.annotator.label(key)
        if ghost is not None and ghost.get("state") == "suggested" and self.suggester.suggested():
            self.suggester.jump(forward=True)  # accepted with this label: on to the next one

    def action_annotate(self, method: str, *args: bool) -> None:
        """The annotating keys (`c E x u ^r m t`): the Annotator does the work."""
        getattr(self.annotator, method)(*args)

    def on_side_panel_delete(self, message: SidePanel.Delete) -> None:
        annotation = next((a for a in self.annotations if a["id"] == message.annotation_id), None)
        if annotation is not None:
            self.annotator.delete(annotation)

    def action_toggle_boilerplate(self) -> None:
        self.show_dropped = not self.show_dropped
        reader = self.reader
        reader.set_document(self.blocks(), self.spans(), cursor=reader.cursor)
        self.refresh_status(
            "dropped lines shown; t keeps or drops a line" if self.show_dropped else ""
        )

    # navigation ------------------------------------------------------------------
    def action_next_annotation(self, forward: bool = True) -> None:
        """`n` / `N`; at the last (first) one the status line says so rather than nothing."""
        starts = [a["start"] for a in self.annotations if a.get("state", "ok") != "orphaned"]
        cursor = self.reader.cursor
        found = [s for s in starts if s > cursor] if forward else [s for s in starts if s < cursor]
        if found:
            self.reader.move_to(found[0] if forward else found[-1])
        elif not starts:
            self.refresh_status("no annotations in this article yet")
        else:
            self.refresh_status(f"no annotation {'after' if forward else 'before'} this one")

    def action_previous_annotation(self) -> None:
        self.action_next_annotation(forward=False)

    def action_next_article(self) -> None:
        if self.entry_index + 1 < len(self.session.entries):
            self.load(self.entry_index + 1)
        else:
            self.refresh_status("last article")

    def action_previous_article(self) -> None:
        if self.entry_index > 0:
            self.load(self.entry_index - 1)
        else:
            self.refresh_status("first article")

    def action_search(self) -> None:
        """Reached only through a remapped key: `/` itself is taken by the reader, in key order."""
        self.reader.start_search()

    def search_key(self, key: str, character: str | None) -> bool:
        """`/` on the text starts the search line, and while it is open every key is the query's;
        True when the key was taken (the app calls this in key order, before the bindings)."""
        reader = self.reader
        if reader.search.active:
            reader.search_key(key, character)
            return True
        if key == "slash" and self.focused is reader:
            reader.start_search()
            return True
        return False

    def on_search_changed(self, message: SearchChanged) -> None:
        self.refresh_status(message.prompt or message.note)

    def action_suggester(self, method: str, *args: bool) -> None:
        """The suggestion keys (`a r = X A f F S`): the Suggester does the work."""
        getattr(self.suggester, method)(*args)

    def on_suggestions_ready(self, message: SuggestionsReady) -> None:
        self.suggester.ready(message)

    def action_occurrence(self, method: str, *args: bool) -> None:
        """The all-occurrences keys (`* # .`): the OccurrenceKeys object does the work."""
        getattr(self.occurrence_keys, method)(*args)

    def on_occurrences_found(self, message: OccurrencesFound) -> None:
        self.occurrence_keys.found(message)

    def on_corpus_progress(self, message: CorpusProgress) -> None:
        self.occurrence_keys.progress(message)

    def action_copy_text(self) -> None:
        """Ctrl+C copies the `v` selection (Textual's own copy knows only mouse selections, and
        without one told the user how to quit)."""
        selection = self.reader.selection
        if selection is None:
            super().action_copy_text()
            return
        text = self.shown.text[selection[0] : selection[1]]
        self.app.copy_to_clipboard(text)
        self.refresh_status(f"copied {plural(len(text), 'character')} to the clipboard")

    def action_focus_panel(self) -> None:
        self.query_one(SidePanel).focus_list()

    def action_library(self) -> None:
        self.save_position()
        for screen in self.app.screen_stack:
            if isinstance(screen, LibraryScreen):
                screen.show_on_return(self.shown.id)
        self.app.pop_screen()
