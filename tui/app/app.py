"""The Textual app: wires the store's save status, the keymap and the screens together."""

from __future__ import annotations

import getpass
import os
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input

from tui.app.modals.help import HelpScreen, help_rows
from tui.app.screens.library import LibraryScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.status_line import StatusLine
from tui.keymap import KeymapError, binding_ids, load_keymap
from tui.safe_text import visible
from tui.workspace import ResumeState, Session


class NewsmarkApp(App[None]):
    """Library first, reader on top; the last article is reopened where the user left it."""

    CSS_PATH = "newsmark.tcss"
    TITLE = "newsmark"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("C", "claims", "Claims across articles", show=False, id="app.claims"),
        Binding("R", "entities", "Entities (registry)", show=False, id="app.entities"),
    ]

    @dataclass
    class StoreStatus(Message):
        """The store's save status changed (posted from the saver thread)."""

        status: str

    def __init__(
        self,
        session: Session,
        paths: list[str],
        cache_dir: Path,
        *,
        keymap: dict[str, str] | None = None,
        resume: bool = True,
        owns_store: bool = True,
    ) -> None:
        super().__init__()
        self.session = session
        self.paths = paths
        self.retyped: deque[int] = deque(maxlen=64)  # keys on_key handed to a field
        self.cache_dir = cache_dir
        self.user_keymap = keymap or {}
        self.owns_store = owns_store
        self.pending_resume: ResumeState = session.last_position() if resume else {}
        self.last_save_error: str | None = None
        self.quit_warned = False  # a quit that would lose unsaved changes asks once
        self.unsaved: str | None = (
            None  # set when closing the store could not save: the command reports it
        )
        self.skipped: list[
            str
        ] = []  # unreadable files: the command prints them once the terminal is back

    async def on_event(self, event: events.Event) -> None:
        """Every key press is activity for the tagging session (a few additions, no I/O)."""
        if isinstance(event, events.Key):
            self.session.sessions.activity()
        await super().on_event(event)

    def on_mount(self) -> None:
        if self.user_keymap:
            self.set_keymap(self.user_keymap)
            unknown = sorted(set(self.user_keymap) - binding_ids(DOMNode))
            if unknown:  # Textual ignores them silently; a typo would look like a broken remap
                self.notify(
                    visible(
                        f"keymap: no binding has the id {', '.join(unknown)}; press ? for the ids"
                    ),
                    severity="warning",
                    timeout=10,
                    markup=False,
                )
        self.session.on_save_status(self.post_save_status)
        self.push_screen(LibraryScreen(self.session, self.paths, self.cache_dir))
        if self.session.read_only:
            holder = self.session.lock_holder or "another process"
            self.notify(
                visible(
                    f"Read-only: the database is held by {holder}. Close it, then restart newsmark "
                    "here to annotate (this window stays read-only)."
                ),
                severity="warning",
                timeout=10,
                markup=False,
            )

    def on_unmount(self) -> None:
        if self.owns_store:
            # a second q means the user chose to quit anyway: do not wait long
            if not self.session.close(timeout=1.0 if self.quit_warned else 5.0):
                self.unsaved = self.session.save_status

    def on_newsmark_app_store_status(self, message: StoreStatus) -> None:
        for screen in (
            self.screen_stack
        ):  # a reader under a modal (help, claim editor) must not stay "saving"
            for line in screen.query(StatusLine):
                line.save_status = message.status
        if message.status.startswith("saved; "):  # e.g. another program's version kept aside
            self.notify(visible(message.status), severity="warning", timeout=20, markup=False)
        failed = message.status.startswith("not saved")
        if (
            failed and message.status != self.last_save_error
        ):  # each retry fails again: one toast per reason
            self.notify(
                f"{message.status}; your change is kept in memory, fix the problem and it will be retried",
                severity="error",
                markup=False,
            )
        if failed or message.status == "saved":
            self.last_save_error = message.status if failed else None

    def on_library_screen_indexed(self, message: LibraryScreen.Indexed) -> None:
        wanted = self.pending_resume.get("document_id")
        if wanted and any(entry.id == wanted for entry in message.entries):
            resume, self.pending_resume = self.pending_resume, {}
            self.open_entry(wanted, resume)

    def on_library_screen_index_failed(self, message: LibraryScreen.IndexFailed) -> None:
        self.skipped.append(message.error)

    def on_library_screen_open(self, message: LibraryScreen.Open) -> None:
        self.pending_resume = {}
        resume: ResumeState | None = (
            {"cursor": message.cursor} if message.cursor is not None else None
        )
        self.open_entry(message.entry_id, resume)

    def post_save_status(self, status: str) -> None:
        """Called from the saver thread: the status line is updated on the UI thread."""
        self.post_message(self.StoreStatus(status))

    def open_entry(self, entry_id: str, resume: ResumeState | None = None) -> None:
        index = next(
            (i for i, entry in enumerate(self.session.entries) if entry.id == entry_id), None
        )
        if index is None:
            return
        if isinstance(self.screen, ReaderScreen):
            self.screen.load(index, cursor=(resume or {}).get("cursor"))
            return
        self.push_screen(ReaderScreen.for_session(self.session, index, resume))

    def on_key(self, event: events.Key) -> None:
        """Keys reach the app after the widgets, in the order they were typed, just before the
        bindings run: the `/` search line (and the library's filter) is fed here so it can never
        overtake (or be overtaken by) a key binding pressed before it in the same burst."""
        screen = self.screen
        if (isinstance(screen, ReaderScreen) and screen.search_key(event.key, event.character)) or (
            isinstance(screen, LibraryScreen) and screen.filter_key(event.key, event.character)
        ):
            event.prevent_default()
            event.stop()
            return
        focused = self.focused
        if isinstance(focused, Input) and event.is_printable and id(event) not in self.retyped:
            # A focused field types its own letters, so this one was queued for the widget that
            # had the focus before a key of the same burst (Tab, a key opening a form) moved it:
            # it goes to the field, behind the field's focus handling, as if typed a moment later.
            event.prevent_default()
            event.stop()
            key = events.Key(event.key, event.character)
            self.retyped.append(id(key))  # never handed on twice, should the field not take it
            focused.post_message(key)

    def action_claims(self) -> None:
        from tui.app.screens.claims import ClaimsScreen

        if not isinstance(self.screen, ClaimsScreen):
            self.push_screen(ClaimsScreen(self.session))

    def action_entities(self) -> None:
        from tui.app.screens.entities import EntitiesScreen

        if not isinstance(self.screen, EntitiesScreen):
            self.push_screen(EntitiesScreen(self.session))

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(help_rows(self.screen.active_bindings, self.get_key_display)))

    async def action_quit(self) -> None:
        session = self.session
        if isinstance(self.screen, ReaderScreen):
            self.screen.save_position()
        failing = session.save_status.startswith("not saved")
        if not session.flush(timeout=0.5 if failing else 5.0) and not self.quit_warned:
            self.quit_warned = True
            self.notify(
                f"{session.save_status}: your latest changes are only in memory. Fix the problem (free disk "
                "space, permissions) and they save by themselves; q again quits and loses them.",
                severity="error",
                timeout=20,
                markup=False,
            )
            return
        self.exit()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The command palette lists every active binding's action, so nothing needs a memorised key."""
        yield from super().get_system_commands(screen)
        seen = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            name = binding.id or binding.action
            if name in seen or not binding.description:
                continue
            seen.add(name)
            help_text = (
                f"key {self.get_key_display(binding.with_key(key))} · id {binding.id or '-'}"
            )
            yield SystemCommand(
                binding.description,
                help_text,
                partial(self.run_action, binding.action, active.node),
            )


def default_annotator() -> str:
    """Who is annotating: $NEWSMARK_ANNOTATOR, else the login name."""
    try:
        return os.environ.get("NEWSMARK_ANNOTATOR") or getpass.getuser()
    except Exception:  # no login name in some containers
        return "anonymous"


def create_app(
    paths: list[str | Path],
    db_path: str | Path,
    *,
    annotator: str | None = None,
    cache_dir: str | Path | None = None,
    keymap_path: Path | None = None,
    keymap: dict[str, str] | None = None,
    resume: bool = True,
    follow_links: bool = False,
) -> NewsmarkApp:
    """Open the store and build the app; used by the `newsmark` command, tests and snapshots."""
    db_path = Path(db_path)
    if keymap is None:
        keymap = load_keymap(keymap_path)  # raises KeymapError with a fix-it message
    session = Session.open(db_path, annotator=annotator or default_annotator())
    session.follow_links = follow_links
    cache = Path(cache_dir) if cache_dir else db_path.parent / ".cache"
    return NewsmarkApp(session, [str(p) for p in paths], cache, keymap=keymap, resume=resume)


__all__ = ["NewsmarkApp", "create_app", "KeymapError"]
