"""The corpus index behind the library screen: list 10,000 articles fast, open one with its clean text.

The first run loads, hashes and cleans every file (cleaned results go to a disk cache keyed
by raw sha256 + CLEANER_VERSION). It also writes one index file per set of corpus roots with
each file's size, mtime and entries, so a second start only stats the files and re-reads
none whose size and mtime are unchanged.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from tui.cleaning import Cleaned
from tui.corpus.cleaned_cache import CleanedCache
from tui.corpus.index_file import IndexFile
from tui.documents import Document, Source, discover, load_source

__all__ = ["CorpusEntry", "CorpusIndex", "DEFAULT_CACHE_DIR", "index", "load"]

DEFAULT_CACHE_DIR = Path("annotations") / ".cache"


@dataclass(frozen=True)
class CorpusEntry:
    """One article as the library lists it; `load` turns it into (Document, Cleaned)."""

    id: str
    path: str
    kind: str
    title: str
    date: str | None
    source: str
    words: int
    raw_sha256: str
    # Where the entry came from, so `load` can find the record and the cache again.
    record: str | None = field(default=None, compare=False, repr=False)  # JSONL record id
    cache_dir: str | None = field(default=None, compare=False, repr=False)


def _ignore(_: str) -> None:
    """Default error sink: the caller did not ask to hear about skipped inputs."""


class CorpusIndex:
    """Index and open articles with one cleaned-result cache directory (None: no disk cache)."""

    def __init__(self, cache_dir: str | Path | None = DEFAULT_CACHE_DIR):
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self.cache = CleanedCache(self.cache_dir)
        self._cache_warned = False

    def _clean(
        self,
        document: Document,
        on_error: Callable[[str], None],
        overrides: Mapping[int, str] | None = None,
    ) -> Cleaned:
        """Clean a document, reusing and filling the disk cache when there are no overrides."""
        from tui.cleaning import clean

        if overrides:
            return clean(document.raw, overrides)
        cleaned = self.cache.get(document.raw_sha256, document.raw)
        if cleaned is None:
            cleaned = clean(document.raw)
            try:
                self.cache.put(document.raw_sha256, document.raw, cleaned)
            except OSError as error:
                if not self._cache_warned:
                    on_error(
                        f"{self.cache_dir}: cannot write the cache ({error.strerror or error}); "
                        "continuing without it (check the folder's permissions)"
                    )
                    self._cache_warned = True
        return cleaned

    def _entry(self, document: Document, on_error: Callable[[str], None]) -> CorpusEntry:
        from tui.text import word_count

        cleaned = self._clean(document, on_error)
        meta = document.meta
        title = " ".join(
            str(meta.get("title") or cleaned.title or _first_line(cleaned.text)).split()
        )
        title = title or document.id
        date = meta.get("date") or cleaned.meta.get("date")
        record = document.id.split("#", 1)[1] if document.kind == "jsonl" else None
        return CorpusEntry(
            id=document.id,
            path=document.path,
            kind=document.kind,
            title=title,
            date=str(date) if date else None,
            source=str(
                meta.get("source")
                or _site(meta.get("url"))
                or cleaned.meta.get("source")
                or Path(document.path).parent.name
            ),
            words=word_count(cleaned.body),
            raw_sha256=document.raw_sha256,
            record=record,
            cache_dir=str(self.cache_dir) if self.cache_dir is not None else None,
        )

    def index(
        self,
        paths: Iterable[str | Path],
        on_progress: Callable[[int, int], None] | None = None,
        on_error: Callable[[str], None] | None = None,
        jobs: int | None = None,
        follow_links: bool = False,
    ) -> Iterator[CorpusEntry]:
        """Yield an entry per article under `paths`, reusing the index file for unchanged files.

        Files not in the index file are cleaned by `jobs` processes (None: every local core)
        when there are enough of them (`parallel.pool_workers`); the entries and messages are the
        same either way.
        """
        from tui.corpus.parallel import ordered_map, pool_workers

        on_error = on_error or _ignore
        given = [str(path) for path in paths]
        stored = [path for path in given if _is_stored(path)]
        roots = [Path(path).expanduser().absolute() for path in given if path not in stored]
        if stored:
            yield from self._stored_entries(stored, on_error)
            if not roots:
                return
        sources = list(discover(roots, on_error, follow_links=follow_links))
        store = IndexFile.open(self.cache_dir, roots)
        total = len(sources)
        step = max(1, total // 200)
        if on_progress:
            on_progress(0, total)
        known = [store.lookup(source) for source in sources]
        fresh = [source for source, cached in zip(sources, known, strict=True) if cached is None]
        workers = pool_workers(jobs, len(fresh))
        made: Generator[tuple[list[CorpusEntry], list[str], list[str]]] | None = None
        if workers > 1:
            made = ordered_map(partial(_index_source, self.cache_dir), fresh, workers)
        try:
            for done, (source, cached) in enumerate(zip(sources, known, strict=True), start=1):
                if made is not None and cached is None:
                    entries, messages, failed = next(made)
                    for message in messages:
                        if "cannot write the cache" in message:  # each worker warns once
                            if self._cache_warned:
                                continue
                            self._cache_warned = True
                        on_error(message)
                    if not failed:
                        store.remember(source, entries, messages)
                    yield from entries
                elif cached is not None:
                    entries, errors = cached
                    for message in errors:
                        on_error(message)
                    yield from (self._attach(entry) for entry in entries)
                else:
                    found: list[str] = []

                    def report(message: str, errors: list[str] = found) -> None:
                        errors.append(message)
                        on_error(message)

                    failures: list[str] = []
                    entries = list(self._entries(source, report, failures))
                    if not failures:  # retry files the cleaner failed on at the next start
                        store.remember(source, entries, found)
                    yield from entries
                if on_progress and (done % step == 0 or done == total):
                    on_progress(done, total)
        finally:
            if made is not None:
                made.close()  # stops the workers when the caller stopped listening early
            try:
                store.save()
            except OSError as error:
                on_error(
                    f"{self.cache_dir}: cannot save the corpus index ({error.strerror or error}); "
                    "the next start will re-read every file"
                )

    def _stored_entries(
        self, folders: list[str], on_error: Callable[[str], None]
    ) -> Iterator[CorpusEntry]:
        """Entries of corpora cleaned into Parquet (`newsmark clean --dask`), read, not cleaned."""
        import json

        from tui.corpus import parquet

        columns = ["id", "path", "title", "words", "raw_sha256", "document_meta", "clean_meta"]
        for folder in folders:
            try:
                part_urls = parquet.parts(folder)
            except (OSError, parquet.ParquetMissing) as error:
                on_error(f"{folder}: cannot read the cleaned corpus ({error}); skipped")
                continue
            for part in part_urls:
                for row in parquet.read_rows(part, columns):
                    meta, cleaned_meta = (
                        json.loads(row["document_meta"]),
                        json.loads(row["clean_meta"]),
                    )
                    title = " ".join(str(meta.get("title") or row["title"] or row["id"]).split())
                    date = meta.get("date") or cleaned_meta.get("date")
                    yield CorpusEntry(
                        id=row["id"],
                        path=part,
                        kind="parquet",
                        title=title,
                        date=str(date) if date else None,
                        source=str(
                            meta.get("source")
                            or _site(meta.get("url"))
                            or cleaned_meta.get("source")
                            or Path(row["path"]).parent.name
                        ),
                        words=int(row["words"]),
                        raw_sha256=row["raw_sha256"],
                        record=row["id"],
                        cache_dir=str(self.cache_dir) if self.cache_dir is not None else None,
                    )

    def _entries(
        self, source: Source, report: Callable[[str], None], failures: list[str]
    ) -> Iterator[CorpusEntry]:
        """Entries for one file; a document the cleaner fails on is reported, not fatal."""
        for document in load_source(source, report, cache_dir=self.cache_dir):
            try:
                yield self._entry(document, report)
            except Exception as error:  # a cleaner bug must not stop a 10,000-article listing
                failures.append(document.id)
                report(
                    f"{document.path}: cleaner failed on {document.id} ({type(error).__name__}: "
                    f"{error}); skipped, please report it"
                )

    def _attach(self, entry: CorpusEntry) -> CorpusEntry:
        """An entry from the index file, with the id prefixed for JSONL and this cache dir attached."""
        file_id = entry.id if entry.record is None else f"{entry.id}#{entry.record}"
        cache_dir = str(self.cache_dir) if self.cache_dir is not None else None
        return dataclasses.replace(entry, id=file_id, cache_dir=cache_dir)

    def load(
        self,
        entry: CorpusEntry,
        overrides: Mapping[int, str] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> tuple[Document, Cleaned]:
        """Re-read the entry's file and return (Document, Cleaned); with overrides, re-clean."""
        on_error = on_error or _ignore
        if entry.kind == "parquet":
            from tui.cleaning import clean
            from tui.corpus.parquet import find

            found = find(entry.path, entry.id)
            if found is None:
                raise FileNotFoundError(
                    f"{entry.path}: {entry.id} is not in it (re-scan the corpus)"
                )
            cleaned = clean(found.document.raw, overrides) if overrides else found.cleaned
            return found.document, cleaned
        document = _read_document(entry, on_error, self.cache_dir)
        return document, self._clean(document, on_error, overrides)


def _is_stored(path: str) -> bool:
    """A folder (or URL) written by `newsmark clean --dask`: it has the manifest."""
    from tui.corpus.parquet import MANIFEST

    if "://" in path and not path.startswith("file://"):
        from tui.corpus.parquet import is_parquet_corpus

        try:
            return is_parquet_corpus(path)
        except (OSError, ImportError, ValueError):
            return False
    return (Path(path).expanduser() / MANIFEST).is_file()


def _index_source(
    cache_dir: Path | None, source: Source
) -> tuple[list[CorpusEntry], list[str], list[str]]:
    """In a worker process: what `CorpusIndex._entries` gives for one file, with its messages."""
    errors: list[str] = []
    failures: list[str] = []
    entries = list(CorpusIndex(cache_dir)._entries(source, errors.append, failures))
    return entries, errors, failures


def _read_document(
    entry: CorpusEntry, on_error: Callable[[str], None], cache_dir: Path | None
) -> Document:
    """Load the one document an entry stands for, or raise FileNotFoundError saying why not."""
    path = Path(entry.path)
    errors: list[str] = []
    try:
        info = path.stat()
    except OSError as error:
        raise FileNotFoundError(
            f"{path}: cannot open ({error.strerror or error}); re-scan the corpus"
        ) from None
    file_id = entry.id.split("#", 1)[0] if entry.record is not None else entry.id
    source = Source(str(path), file_id, entry.kind, info.st_size, info.st_mtime_ns)
    if entry.record is not None:
        from tui.documents import MAX_BYTES
        from tui.documents.jsonl import load_jsonl

        documents = load_jsonl(
            source, errors.append, max_bytes=MAX_BYTES, only=entry.record, cache_dir=cache_dir
        )
    else:
        documents = load_source(source, errors.append, cache_dir=cache_dir)
    for document in documents:
        if entry.record is None or document.id == entry.id:
            if document.raw_sha256 != entry.raw_sha256:
                on_error(f"{path}: changed since it was indexed; showing the new version")
            return document
    reason = errors[0] if errors else f"{entry.id}: record not found"
    raise FileNotFoundError(f"{reason} (re-scan the corpus)")


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:120]
    return ""


def _site(url: str | None) -> str | None:
    from tui.documents.html import site_of

    return site_of(url)


def index(
    paths: Iterable[str | Path],
    cache_dir: str | Path | None = DEFAULT_CACHE_DIR,
    on_progress: Callable[[int, int], None] | None = None,
    on_error: Callable[[str], None] | None = None,
    jobs: int | None = None,
    follow_links: bool = False,
) -> Iterator[CorpusEntry]:
    """Yield CorpusEntry records for every article under `paths` (see CorpusIndex.index)."""
    return CorpusIndex(cache_dir).index(
        paths, on_progress=on_progress, on_error=on_error, jobs=jobs, follow_links=follow_links
    )


def load(
    entry: CorpusEntry,
    overrides: Mapping[int, str] | None = None,
    on_error: Callable[[str], None] | None = None,
) -> tuple[Document, Cleaned]:
    """Return (Document, Cleaned) for an entry, using the cache it was indexed with."""
    return CorpusIndex(entry.cache_dir).load(entry, overrides, on_error)
