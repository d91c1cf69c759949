"""Tagging sessions: active time and counts, kept in memory and written to the store as they go.

Every key press calls `activity()`, which only adds numbers; the record reaches the store (whose
saver thread writes the file) on counted events and at most every `save_every` seconds
otherwise, so a crash loses seconds of a session, never a key press's latency.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any, Literal, Protocol

from tui.analysis.session_stats import SessionFigures, session_figures
from tui.store import StoreError

DEFAULT_IDLE = 120.0  # seconds: a longer gap between actions is a break, not work
SAVE_EVERY = 15.0  # seconds between writes caused by plain key presses

Change = Literal["added", "changed", "deleted"]


class SessionSink(Protocol):
    """What the tracker needs from the store (tui.store.Store has it)."""

    read_only: bool

    def save_session(self, record: dict[str, Any]) -> None: ...
    def sessions(self) -> list[dict[str, Any]]: ...


def idle_from_env() -> float:
    """$NEWSMARK_IDLE_MINUTES sets the idle threshold; a bad value keeps the default."""
    try:
        minutes = float(os.environ.get("NEWSMARK_IDLE_MINUTES", ""))
    except ValueError:
        return DEFAULT_IDLE
    return minutes * 60 if minutes > 0 else DEFAULT_IDLE


def iso(seconds: float) -> str:
    """The store's timestamp format (UTC, milliseconds), for any clock reading."""
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds))
    return f"{stamp}.{int(seconds % 1 * 1000):03d}Z"


class SessionTracker:
    """One app run's session: fed by the UI's key actions and the Session's data operations."""

    def __init__(
        self,
        sink: SessionSink,
        annotator: str | None,
        *,
        idle_seconds: float | None = None,
        clock: Callable[[], float] = time.time,
        save_every: float = SAVE_EVERY,
        new_id: Callable[[], str] | None = None,
    ) -> None:
        self.sink = sink
        self.annotator = annotator
        self.idle = idle_seconds if idle_seconds is not None else idle_from_env()
        self.clock = clock
        self.save_every = save_every
        self._new_id = new_id
        self.record: dict[str, Any] | None = None
        self._last = 0.0
        self._saved_at = 0.0
        self._opened: dict[str, None] = {}
        self._finished: dict[str, None] = {}
        self._counts: dict[str, dict[str, int]] = {}

    @property
    def active_seconds(self) -> float:
        return float(self.record["active_seconds"]) if self.record else 0.0

    def activity(self) -> None:
        """A key press: time since the last one counts unless it was an idle break."""
        now = self.clock()
        if self.record is None:
            if self._new_id is None:
                from tui.store.records import new_id

                self._new_id = new_id
            self.record = {
                "id": self._new_id(),
                "annotator": self.annotator,
                "start": iso(now),
                "end": iso(now),
                "active_seconds": 0.0,
                "idle_seconds": self.idle,
                "articles_opened": [],
                "articles_finished": [],
                "annotations": {},
            }
            self._last = self._saved_at = now
            return
        gap = now - self._last
        if 0 < gap <= self.idle:
            self.record["active_seconds"] = round(self.record["active_seconds"] + gap, 3)
        self._last = max(self._last, now)
        self.record["end"] = iso(self._last)
        if now - self._saved_at >= self.save_every:
            self.save()

    def opened(self, doc_id: str) -> None:
        self.activity()
        if doc_id not in self._opened:
            self._opened[doc_id] = None
            self.save()

    def finished(self, doc_id: str) -> None:
        self.activity()
        if doc_id not in self._finished:
            self._finished[doc_id] = None
            self.save()

    def annotation(self, label: str, change: Change) -> None:
        """An annotation of `label` was added, changed (relabel, move, attributes) or deleted."""
        self.activity()
        counts = self._counts.setdefault(label, {"added": 0, "changed": 0, "deleted": 0})
        counts[change] += 1
        self.save()

    def save(self) -> None:
        """Hand the current record to the store (its saver writes the file in the background)."""
        if self.record is None:
            return
        self.record["articles_opened"] = list(self._opened)
        self.record["articles_finished"] = list(self._finished)
        self.record["annotations"] = {k: dict(v) for k, v in self._counts.items()}
        if self.sink.read_only:
            return
        self._saved_at = self.clock()
        try:
            self.sink.save_session(dict(self.record))
        except (StoreError, ValueError):
            pass  # the store says why in its status line; a session record never breaks annotating

    def close(self) -> None:
        self.save()

    def figures(self) -> SessionFigures:
        """Every recorded session with this one up to now, summed per annotator and day."""
        self.save()
        records = {str(r["id"]): r for r in self.sink.sessions()}
        if self.record is not None:  # a read-only store never saved it: count it anyway
            records[str(self.record["id"])] = dict(self.record)
        return session_figures(records.values())
