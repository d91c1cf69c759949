"""The reader's all-occurrences keys (`*` in the article, `#` in the corpus, `.` repeat the last
label), as an object the reader screen owns.

Composition, not a mixin: `OccurrenceKeys` reaches the screen only through the small
`OccurrenceScreen` protocol and the data only through `session.suggestions`. The corpus-wide
search reads unopened articles first, so it runs in a worker thread that posts its hits back.
"""

from __future__ import annotations

from typing import Any, Protocol

from textual.message import Message
from textual.worker import get_current_worker

from tui.app.modals.occurrences import OccurrencePreview
from tui.app.screens.reader_part import ReaderScreenPart
from tui.wording import plural
from tui.workspace.session import Article
from tui.workspace.suggestions import Occurrence


class OccurrencesFound(Message):
    """The corpus-wide search of `#` finished off the UI thread: the handler shows the preview."""

    def __init__(self, source: dict[str, Any], hits: list[Occurrence]) -> None:
        super().__init__()
        self.source = source
        self.hits = hits


class CorpusProgress(Message):
    """How many unopened articles `#` has read so far, for the status line."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total


class OccurrenceScreen(ReaderScreenPart, Protocol):
    """What the all-occurrences keys need from the reader screen: its common part."""


class OccurrenceKeys:
    """Tag the name under the cursor everywhere (with a preview), or its next occurrence."""

    def __init__(self, screen: OccurrenceScreen) -> None:
        self.screen = screen

    def writable(self) -> bool:
        if self.screen.session.read_only:
            self.screen.warn(
                "read-only: another newsmark holds the database; nothing can be tagged"
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

    def _source(self) -> dict[str, Any] | None:
        found: dict[str, Any] | None = self.screen.under_cursor()
        if found is None or found.get("state") != "ok" or found["kind"] != "entity":
            self.screen.warn(
                "move onto a tagged name first; * tags it everywhere in the article, # in the corpus"
            )
            return None
        return found

    def occurrences(self, corpus: bool) -> None:
        """`*` searches this article at once; `#` reads and searches the corpus in a worker thread,
        since unopened articles must be loaded and cleaned first (keys stay live meanwhile)."""
        source = self._source()
        if source is None or not self.writable():
            return
        if corpus:
            self.search_corpus(source)
        else:
            self.show_hits(source, self.service.occurrences(source), corpus=False)

    def search_corpus(self, source: dict[str, Any]) -> None:
        screen = self.screen
        session, service = screen.session, self.service
        known = set(session.statuses())
        missing = [entry for entry in session.entries if entry.id not in known]
        screen.refresh_status(
            f"# reading {plural(len(missing), 'unopened article')} first…"
            if missing
            else f"# searching the corpus for “{source['exact']}”…"
        )

        def work() -> None:
            worker = get_current_worker()
            for done, entry in enumerate(missing, 1):
                if worker.is_cancelled:
                    return
                try:
                    session.record(entry)  # so the search sees it; not an undo step
                except Exception:  # an unreadable file is skipped here; the library says why
                    pass
                if done % 10 == 0 and done < len(missing):
                    screen.post_message(CorpusProgress(done, len(missing)))
            hits = service.occurrences(source, corpus=True)
            if not worker.is_cancelled:
                screen.post_message(OccurrencesFound(source, hits))

        screen.run_worker(work, thread=True, exclusive=True, group="occurrences")

    def progress(self, message: CorpusProgress) -> None:
        self.screen.refresh_status(
            f"# reading unopened articles: {message.done} of {message.total}…"
        )

    def found(self, message: OccurrencesFound) -> None:
        """Show the corpus hits, unless the user has since left the article or untagged the name."""
        screen, source = self.screen, message.source
        here = screen.article is not None and screen.article.id == source["document_id"]
        if not here or not any(a["id"] == source["id"] for a in screen.annotations):
            screen.refresh_status(f"# for “{source['exact']}” finished elsewhere; press # again")
            return
        if screen.app.screen is not screen:
            screen.refresh_status("# finished while another screen was open; press # again")
            return
        self.show_hits(source, message.hits, corpus=True)

    def show_hits(self, source: dict[str, Any], hits: list[Occurrence], corpus: bool) -> None:
        where = "the corpus" if corpus else "this article"
        if not hits:
            self.screen.refresh_status(f"no other untagged “{source['exact']}” in {where}")
            return
        self.screen.app.push_screen(
            OccurrencePreview(source["exact"], hits, corpus),
            lambda chosen: self._tag(source, chosen),
        )

    def _tag(self, source: dict[str, Any], chosen: list[Occurrence] | None) -> None:
        screen = self.screen
        if not chosen:
            screen.refresh_status("nothing tagged")
            return
        article = self._article()
        self.service.tag_occurrences(source, chosen, raw_span=article.cleaned.raw_span)
        screen.reload_annotations()
        elsewhere = sum(1 for hit in chosen if hit.document_id != article.id)
        note = (
            f" ({elsewhere} in other articles)"
            if elsewhere > 1
            else " (1 in another article)"
            if elsewhere
            else ""
        )
        screen.refresh_status(
            f"tagged {plural(len(chosen), 'occurrence')}{note} as {source['label']} (u undoes all)"
        )

    def repeat_label(self) -> None:
        """Tag the next untagged occurrence of the last tagged text the same way, and go there."""
        screen = self.screen
        if not self.writable():
            return
        mentions = [
            a for a in screen.annotations if a["kind"] == "entity" and a.get("state") == "ok"
        ]
        if not mentions:
            screen.warn("nothing tagged yet in this article; tag a name, then . repeats it")
            return
        last = max(mentions, key=lambda a: a.get("updated") or "")
        hits = self.service.occurrences(last)
        if not hits:
            screen.refresh_status(f"no other untagged “{last['exact']}” in this article")
            return
        cursor = screen.reader.cursor
        hit = next((h for h in hits if h.start > cursor), hits[0])
        self.service.tag_occurrences(last, [hit], raw_span=self._article().cleaned.raw_span)
        screen.reload_annotations()
        screen.reader.move_to(hit.start)
        screen.refresh_status(
            f"tagged “{last['exact']}” as {last['label']} ({plural(len(hits) - 1, 'more')})"
        )
