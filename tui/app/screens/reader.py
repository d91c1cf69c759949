"""Reader screen: the article, its annotation panel and status line, and every annotating key."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer

from tui.app.blocks import build_blocks
from tui.app.screens.annotating import AnnotatingMixin
from tui.app.screens.library import LibraryScreen
from tui.app.screens.suggesting import Suggester, SuggestionsReady
from tui.app.spans import label_styles, to_spans
from tui.app.widgets.reader import ReaderView
from tui.app.widgets.reader_search import SearchChanged
from tui.app.widgets.side_panel import SidePanel
from tui.app.widgets.status_line import StatusLine
from tui.safe_text import visible
from tui.workspace.session import Article, Session

LABEL_KEYS = "1234567890"


def innermost(annotations: list[dict], offset: int, end: int | None = None) -> dict | None:
    """The shortest placed annotation covering `offset` (or overlapping [offset, end)): what `E` and `x` act on."""
    end = offset + 1 if end is None else end
    covering = [
        a
        for a in annotations
        if a["start"] < end and offset < a["end"] and a.get("state", "ok") != "orphaned"
    ]
    return min(covering, key=lambda a: a["end"] - a["start"], default=None)


class ReaderScreen(AnnotatingMixin, Screen):
    """Shows one article at a time; `]`/`[` walk the corpus without leaving the screen."""

    BINDINGS = [
        *[
            Binding(key, f"label('{key}')", f"Label {key}", show=False, id=f"reader.label_{key}")
            for key in LABEL_KEYS
        ],
        Binding("c", "claim", "Claim", id="reader.claim"),
        Binding("E,enter", "edit", "Edit", id="reader.edit"),
        Binding("x", "delete", "Delete", id="reader.delete"),
        Binding("u", "undo", "Undo", id="reader.undo"),
        Binding("ctrl+r", "redo", "Redo", id="reader.redo"),
        Binding("m", "mark_done", "Done", id="reader.mark_done"),
        Binding("slash", "search", "Search", id="reader.search"),
        Binding("n", "next_annotation", "Next ann.", show=False, id="reader.next_annotation"),
        Binding(
            "N", "previous_annotation", "Prev ann.", show=False, id="reader.previous_annotation"
        ),
        Binding(
            "asterisk", "occurrences(False)", "All in article", id="reader.occurrences_article"
        ),
        Binding(
            "number_sign", "occurrences(True)", "All in corpus", id="reader.occurrences_corpus"
        ),
        Binding("full_stop", "repeat_label", "Repeat label", show=False, id="reader.repeat_label"),
        Binding("a", "decide(True)", "Accept", id="reader.accept_suggestion"),
        Binding("r", "decide(False)", "Reject", id="reader.reject_suggestion"),
        Binding("A", "accept_all", "Accept all", show=False, id="reader.accept_all"),
        Binding("f", "suggestion(True)", "Next sugg.", show=False, id="reader.next_suggestion"),
        Binding(
            "F", "suggestion(False)", "Prev sugg.", show=False, id="reader.previous_suggestion"
        ),
        Binding("S", "suggest", "Suggest", show=False, id="reader.suggest"),
        Binding("right_square_bracket", "next_article", "Next article", id="reader.next_article"),
        Binding(
            "left_square_bracket",
            "previous_article",
            "Prev article",
            show=False,
            id="reader.previous_article",
        ),
        Binding("z", "toggle_boilerplate", "Dropped lines", id="reader.toggle_boilerplate"),
        Binding("t", "toggle_line", "Keep/drop line", show=False, id="reader.toggle_line"),
        Binding("tab", "focus_panel", "Panel", show=False, id="reader.focus_panel"),
        Binding("o,escape", "library", "Library", id="reader.library"),
    ]

    def __init__(self, session: Session, entry_index: int, resume: dict | None = None) -> None:
        super().__init__()
        self.session = session
        self.entry_index = entry_index
        self.resume = resume or {}
        self.article: Article | None = None
        self.annotations: list[dict] = []
        self.span_cache: dict = {}
        self.shown_details: dict | None = None
        self.position_timer = None
        self.panel_timer = None
        self.name_label_bindings()
        self.show_dropped = False
        self.suggester = Suggester(self)

    def name_label_bindings(self) -> None:
        """Describe `1`-`9` by the label they apply (labels are data), so help and palette say "PERSON"."""
        for key in LABEL_KEYS:
            label = self.session.label_for_hotkey(key)
            bindings = self._bindings.key_to_bindings.get(key, [])
            if label is not None:
                self._bindings.key_to_bindings[key] = [
                    replace(b, description=f"Label {visible(label['name'])}")
                    if b.id == f"reader.label_{key}"
                    else b
                    for b in bindings
                ]

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
        self.span_cache.clear()
        if cursor is None:
            record = self.session.document(article.id) or {}
            cursor = record.get("cursor") or 0
        self.annotations = self.session.annotations(article.id)
        cursor = min(max(0, int(cursor)), len(article.text))
        self.reader.set_document(self.blocks(), self.spans(), cursor=cursor)
        if selecting:
            self.reader.selecting = True
        self.suggester.on_open()
        self.refresh_panel()
        self.refresh_status(self.reanchor_note(article.reanchored))

    def reanchor_note(self, report: dict | None) -> str:
        """Opening re-anchored annotations (a newer cleaner, an edited file): say so, loudly if some were lost."""
        if not report:
            return ""
        orphaned = len(report.get("orphaned") or ())
        note = (
            f"the clean text changed since last time: {report.get('kept', 0)} annotations kept, "
            f"{report.get('moved', 0) + report.get('fuzzy', 0)} re-placed, {orphaned} orphaned"
        )
        if orphaned:
            self.warn(note + " (Tab lists them; x in the list deletes one)")
        return note

    def blocks(self):
        article = self.article
        return build_blocks(
            article.cleaned,
            article.document.raw,
            show_dropped=self.show_dropped,
            extra_meta=dict(article.document.meta or {}),
        )

    def spans(self):
        return to_spans(self.annotations, self.session.labels(), self.span_cache)

    def reload_annotations(self, *, text_changed: bool = False) -> None:
        """Re-read this article's annotations after a change; rebuild blocks only if the text changed."""
        self.annotations = self.session.annotations(self.article.id)
        if text_changed:
            reader = self.reader
            self.reader.set_document(
                self.blocks(), self.spans(), cursor=min(reader.cursor, len(self.article.text))
            )
        else:
            self.reader.set_spans(self.spans())
        self.schedule_panel()
        self.refresh_status()

    def changed(self, record: dict, *, removed: bool = False) -> None:
        """Apply one annotation change to the local list: no store query, only its span repaints."""
        old = next((i for i, a in enumerate(self.annotations) if a["id"] == record["id"]), None)
        if old is not None:
            del self.annotations[old]
        if not removed:
            index = bisect_right(
                self.annotations,
                (record["start"], -record["end"]),
                key=lambda a: (a["start"], -a["end"]),
            )
            self.annotations.insert(index, record)
        self.reader.set_spans(self.spans())
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
        self.query_one(SidePanel).show_details(annotation, names)

    def refresh_status(self, message: str = "") -> None:
        status = self.query_one(StatusLine)
        article = self.article
        done = self.session.status(article.id)
        title = " ".join(article.cleaned.title.split())[:60]
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

    def on_reader_view_cursor_moved(self, message: ReaderView.CursorMoved) -> None:
        self.refresh_details()
        # Remember the position once the user pauses, so even a crash resumes close by.
        if self.position_timer is not None:
            self.position_timer.stop()
        self.position_timer = self.set_timer(2.0, self.save_position)

    def on_reader_view_selection_changed(self, message: ReaderView.SelectionChanged) -> None:
        # only the SELECT mode changes; a note (say, what opening re-anchored) must not be wiped
        self.refresh_status(self.query_one(StatusLine).message)

    def on_side_panel_jump(self, message: SidePanel.Jump) -> None:
        annotation = next((a for a in self.annotations if a["id"] == message.annotation_id), None)
        if annotation is not None:
            self.reader.move_to(annotation["start"])
            self.reader.focus()

    def on_side_panel_back(self, message: SidePanel.Back) -> None:
        self.reader.focus()

    def under_cursor(self) -> dict | None:
        found = innermost(self.annotations, self.reader.cursor)
        if found is None and self.reader.selection is None:
            # an imported or re-anchored span can start inside a word, where the cursor never stops
            word = self.reader.target_range()
            found = innermost(self.annotations, *word) if word else None
        return found

    def save_position(self) -> None:
        if self.article is not None:
            self.session.save_position(
                self.article, self.reader.cursor, bool(self.reader.selecting)
            )

    def warn(self, message: str) -> None:
        """A toast that never interprets markup: messages can quote article text and file names."""
        self.notify(visible(message), severity="warning", markup=False)

    def guard_writable(self) -> bool:
        if self.session.read_only:
            self.warn(
                "read-only: another newsmark holds the database; close it, then restart this one to annotate"
            )
            return False
        return True

    # navigation ------------------------------------------------------------------
    def action_next_annotation(self) -> None:
        starts = [a["start"] for a in self.annotations if a.get("state", "ok") != "orphaned"]
        index = bisect_right(starts, self.reader.cursor)
        if index < len(starts):
            self.reader.move_to(starts[index])

    def action_previous_annotation(self) -> None:
        starts = [a["start"] for a in self.annotations if a.get("state", "ok") != "orphaned"]
        earlier = [s for s in starts if s < self.reader.cursor]
        if earlier:
            self.reader.move_to(earlier[-1])

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

    def on_search_changed(self, message: SearchChanged) -> None:
        self.refresh_status(message.prompt or message.note)

    # suggestions and all occurrences (the Suggester owns the logic) ---------------------
    def action_occurrences(self, corpus: bool) -> None:
        self.suggester.occurrences(corpus)

    def action_repeat_label(self) -> None:
        self.suggester.repeat_label()

    def action_decide(self, accept: bool) -> None:
        self.suggester.decide(accept)

    def action_accept_all(self) -> None:
        self.suggester.accept_all()

    def action_suggestion(self, forward: bool) -> None:
        self.suggester.jump(forward)

    def action_suggest(self) -> None:
        self.suggester.suggest_now()

    def on_suggestions_ready(self, message: SuggestionsReady) -> None:
        self.suggester.ready(message)

    def action_focus_panel(self) -> None:
        self.query_one(SidePanel).focus_list()

    def action_library(self) -> None:
        self.save_position()
        for screen in self.app.screen_stack:
            if isinstance(screen, LibraryScreen):
                screen.show_on_return(self.article.id)
        self.app.pop_screen()
