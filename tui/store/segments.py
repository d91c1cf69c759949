"""Serialisation by segments of doc ids, so a save re-encodes only what changed since the last one.

At 100k annotations encoding every record on every save costs ~1 s; encoding one
500-record segment costs ~1 ms, and copying cached segment bytes is a memory-speed read.
The cached encodings (as large as the file itself) live in an unlinked file beside the
database, not in the process: the kernel's page cache holds them and can drop them.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import orjson

from tui.store.records import TABLES

SEGMENT = 500  # doc ids per segment: one segment encodes in ~1 ms, the longest GIL hold of a save
SLACK = 8 << 20  # bytes of superseded encodings tolerated beyond the live ones before compacting

Records = dict[str, dict[str, Any]]
Place = tuple[int, int] | bytes  # (offset, length) in the spill file, or the bytes if it failed


class SegmentCache:
    """Each table's encoded segments (members without braces); used by the saver thread only."""

    def __init__(self, directory: Path) -> None:
        self._directory = directory
        self._places: dict[str, dict[int, Place]] = {t: {} for t in TABLES}
        self._spill: IO[bytes] | None = None
        self._end = 0  # bytes written to the spill file
        self._live = 0  # bytes of it that current segments still use
        self.lost = False  # set when the cache had to be dropped: everything must be encoded again
        self.extra = b""  # tables another version wrote, encoded once on open, kept as they were

    def put(self, table: str, seg: int, records: Records) -> None:
        """Cache one segment's encoding (or forget it if the segment is now empty)."""
        self._forget(table, seg)
        if not records:
            return
        encoded = orjson.dumps(records)[1:-1]
        if self._end > 2 * self._live + SLACK:
            self._compact()
        self._places[table][seg] = self._store(encoded)

    def refresh(self, work: dict[str, dict[int, Records]]) -> None:
        """Re-encode the segments a save found changed."""
        for table in TABLES:
            for seg, records in work.get(table, {}).items():
                self.put(table, seg, records)

    def stream(self) -> Iterator[bytes]:
        """The whole TinyDB file, from the cached segments."""
        if self.lost:
            raise OSError("the save cache was lost; saving everything again")
        yield b"{"
        for n, table in enumerate(TABLES):
            yield (b"," if n else b"") + orjson.dumps(table) + b":{"
            places = self._places[table]
            for i, seg in enumerate(sorted(places)):
                if i:
                    yield b","  # separately: joining would copy every segment once more
                yield self._read(places[seg])
            yield b"}"
        if self.extra:
            yield b"," + self.extra
        yield b"}"

    def close(self) -> None:
        """Drop the cache file; if segments were cached, the next stream() asks for a full save."""
        if any(self._places.values()):
            self.lost = True
        self._places = {t: {} for t in TABLES}
        if self._spill is not None:
            self._spill.close()
            self._spill = None
        self._end = self._live = 0

    # -- the spill file ---------------------------------------------------------------
    def _forget(self, table: str, seg: int) -> None:
        old = self._places[table].pop(seg, None)
        if isinstance(old, tuple):
            self._live -= old[1]

    def _store(self, encoded: bytes) -> Place:
        """Append to the spill file; keep the bytes in memory if the disk refuses them."""
        try:
            if self._spill is None:
                self._spill = tempfile.TemporaryFile(prefix=".newsmark-cache-", dir=self._directory)
            _write_all(self._spill.fileno(), encoded, self._end)
        except (OSError, ValueError):  # disk full, or a file closed under us
            return encoded
        place = (self._end, len(encoded))
        self._end += len(encoded)
        self._live += len(encoded)
        return place

    def _read(self, place: Place) -> bytes:
        if isinstance(place, bytes):
            return place
        try:
            if self._spill is None:
                raise OSError("the save cache file is closed")
            return _read_all(self._spill.fileno(), *place)
        except (OSError, ValueError):  # ValueError: a file closed under us
            self.close()  # the caller re-encodes every segment from the records
            raise OSError(
                "the save cache could not be read back; saving everything again"
            ) from None

    def _compact(self) -> None:
        """Copy the live segments to a fresh spill file, dropping superseded encodings."""
        old = self._spill
        if old is None:
            return
        moved: list[tuple[dict[int, Place], int, Place]] = []
        end = 0
        try:
            fresh = tempfile.TemporaryFile(prefix=".newsmark-cache-", dir=self._directory)
        except OSError:
            return
        try:
            for places in self._places.values():
                for seg, place in places.items():
                    if isinstance(place, tuple):
                        data = _read_all(old.fileno(), *place)
                        _write_all(fresh.fileno(), data, end)
                        moved.append((places, seg, (end, len(data))))
                        end += len(data)
        except OSError:
            fresh.close()  # keep using the old file; it is only bigger
            return
        for places, seg, place in moved:
            places[seg] = place
        self._spill, self._end, self._live = fresh, end, end
        old.close()


def _write_all(fd: int, data: bytes, offset: int) -> None:
    view = memoryview(data)
    while view:
        written = os.pwrite(fd, view, offset)
        view, offset = view[written:], offset + written


def _read_all(fd: int, offset: int, length: int) -> bytes:
    data = os.pread(fd, length, offset)
    while len(data) < length:
        more = os.pread(fd, length - len(data), offset + len(data))
        if not more:
            raise OSError(f"the segment cache file ended early ({len(data)} of {length} bytes)")
        data += more
    return data


def file_identity(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def remove_stale_temps(path: Path) -> None:
    """Temp files left by a killed writer; safe to remove because we now hold the only write lock."""
    for temp in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            temp.unlink()
        except OSError:
            pass
