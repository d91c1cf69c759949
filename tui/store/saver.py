"""The background writer: mutations return at once, this thread makes them durable.

Changes that arrive while a save is running are coalesced into the next one. "saved" is
only reported after the new file has been fsync'd and renamed into place ("saved; <notice>" when
the write had something to tell, such as another program's version kept under a new name). A failed save
(disk full, EIO) reports "not saved: ..." and retries from memory with a fresh temp file.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

Snapshot = Callable[[], tuple[int, Iterable[bytes]]]
Listener = Callable[[str], None]


class Saver:
    """Owns the saver thread and the saved/saving/not-saved status."""

    RETRY_FIRST = 0.05
    RETRY_MAX = 2.0

    def __init__(
        self,
        snapshot: Snapshot,
        write: Callable[[Iterable[bytes]], str | None],
        warm: Callable[[], None] | None = None,
    ) -> None:
        self._snapshot = snapshot
        self._write = write
        self._warm = warm
        self._cond = threading.Condition()
        self._wanted = 0  # newest generation a save was requested for
        self._saved = 0  # newest generation known to be on disk
        self._error: str | None = None
        self._stopping = False
        self._listeners: list[Listener] = []
        self._thread = threading.Thread(target=self._run, name="newsmark-saver", daemon=True)
        self._thread.start()

    # -- caller side ------------------------------------------------------------------
    def request(self, generation: int) -> None:
        """Ask for a save covering `generation`; returns immediately."""
        with self._cond:
            if generation > self._wanted:
                self._wanted = generation
                self._cond.notify_all()

    def add_listener(self, callback: Listener) -> None:
        self._listeners.append(callback)

    def remove_listener(self, callback: Listener) -> None:
        if callback in self._listeners:
            self._listeners.remove(callback)

    @property
    def status(self) -> str:
        with self._cond:
            if self._saved >= self._wanted:
                return "saved"
            return f"not saved: {self._error}" if self._error else "saving"

    @property
    def saved_generation(self) -> int:
        return self._saved

    def flush(self, generation: int, timeout: float | None = 5.0) -> bool:
        """Block until `generation` is on disk; False if it is not by `timeout`."""
        self.request(generation)
        with self._cond:
            return self._cond.wait_for(lambda: self._saved >= generation, timeout=timeout)

    def stop(self, timeout: float = 5.0) -> bool:
        """Save what is pending, then end the thread; False if the last save failed."""
        with self._cond:
            target = self._wanted
        ok = self.flush(target, timeout)
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        self._thread.join(timeout)
        return ok

    # -- saver thread -----------------------------------------------------------------
    def _emit(self, status: str) -> None:
        for callback in list(self._listeners):
            try:
                callback(status)
            except Exception:  # a broken listener must not stop saving
                pass

    def _run(self) -> None:
        if self._warm is not None:
            try:
                self._warm()  # prepare the next save before anyone waits for it
            except Exception:
                pass  # only an optimisation: the save itself encodes whatever is left
        delay = self.RETRY_FIRST
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._stopping or self._wanted > self._saved)
                if self._wanted <= self._saved:
                    return
            self._emit("saving")
            try:
                generation, chunks = self._snapshot()
                notice = self._write(chunks)  # e.g. another program's version kept aside
            except Exception as error:  # disk full, EIO, or a bug: keep the data, say so, retry
                reason = (
                    (error.strerror if isinstance(error, OSError) else None)
                    or str(error)
                    or type(error).__name__
                )
                with self._cond:
                    self._error = reason
                    stopping = self._stopping
                self._emit(f"not saved: {reason}")
                if stopping:
                    return
                with self._cond:
                    self._cond.wait_for(lambda: self._stopping, delay)
                delay = min(delay * 2, self.RETRY_MAX)
                continue
            delay = self.RETRY_FIRST
            with self._cond:
                self._saved = max(self._saved, generation)
                self._error = None
                done = self._saved >= self._wanted
                self._cond.notify_all()
            if done or notice:
                self._emit(f"saved; {notice}" if notice else "saved")
