"""Cleaning on every local core: an ordered, bounded process-pool map with the same output as one process.

Workers start by forkserver (safe from the app's worker threads), take batches of sources, and
return results in input order; at most a few batches per worker are in flight, so a 100,000-file
corpus never sits in memory at once, and stopping early cancels what was not started.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from itertools import islice
from typing import TypeVar

from tui.cleaning import Cleaned, clean
from tui.documents import Document, Source, load_source

T = TypeVar("T")
R = TypeVar("R")

MIN_PARALLEL = 24  # fewer sources than this are cleaned in-process: starting workers costs more
MIN_PARALLEL_AUTO = 200  # ... when the caller did not ask for a number of processes (measured: 300
# new articles took 0.48 s in one process and 1.15 s on a fresh 2-process pool on a loaded machine)
BATCH = 8  # sources per task: fewer round trips than one each, still balanced


def local_cores() -> int:
    """The cores this process may run on (not the machine's total under a CPU mask)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def resolve_jobs(jobs: int | None) -> int:
    """None or 0 mean every local core; a negative number is refused by the caller's option."""
    return local_cores() if not jobs else max(1, jobs)


def _real_stderr() -> contextlib.AbstractContextManager[object]:
    """multiprocessing hands sys.stderr's fd to its resource tracker; under Textual that is a
    capture object without one (fileno -1: 'bad value(s) in fds_to_keep'), so lend it the real one."""
    try:
        usable = sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    if usable or sys.__stderr__ is None:
        return contextlib.nullcontext()
    return contextlib.redirect_stderr(sys.__stderr__)


def _context() -> multiprocessing.context.BaseContext:
    """forkserver (safe from the app's threads) with the cleaner imported once in the server, so each
    worker starts with its regexes and automata built; spawn where there is no forkserver."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tui.corpus", "tui.corpus.parallel", "tui.cleaning"])
    return context


def _run_batch(fn: Callable[[T], R], batch: Sequence[T]) -> list[R]:
    return [fn(item) for item in batch]


def ordered_map(
    fn: Callable[[T], R], items: Iterable[T], jobs: int, batch: int = BATCH
) -> Generator[R]:
    """`map(fn, items)` over `jobs` processes, in order, with a bounded number of batches in flight.

    `fn` must be a module-level function (or a partial of one) so it can be sent to a worker. Where
    processes cannot be started (no semaphores, a sandbox) or the pool breaks (a worker killed), the
    rest is done in this process: the results are the same, only slower.
    """
    iterator = iter(items)
    pending: deque[tuple[Future[list[R]], list[T]]] = deque()
    task = partial(_run_batch, fn)
    try:
        with _real_stderr():
            executor = ProcessPoolExecutor(max_workers=jobs, mp_context=_context())
    except (OSError, NotImplementedError, ImportError, ValueError):
        yield from map(fn, iterator)
        return

    def submit() -> bool:
        chunk = list(islice(iterator, batch))
        if chunk:
            pending.append((executor.submit(task, chunk), chunk))
        return bool(chunk)

    try:
        try:
            with _real_stderr():  # the first submit starts the workers
                while len(pending) < jobs * 3 and submit():
                    pass
            while pending:
                results = pending[0][0].result()
                pending.popleft()
                submit()
                yield from results
        except (BrokenProcessPool, OSError, NotImplementedError):
            for _, chunk in pending:  # what the pool had not handed back, in order
                yield from map(fn, chunk)
            pending.clear()
            yield from map(fn, iterator)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def pool_workers(jobs: int | None, count: int) -> int:
    """Processes to clean `count` new files with: 1 (in this process) when the pool would not pay.

    An explicit `jobs` is honoured from MIN_PARALLEL files; every core by default (None/0, the app's
    first indexing) only from MIN_PARALLEL_AUTO, since starting the pool costs ~0.2-0.4 s once."""
    workers = resolve_jobs(jobs)
    least = MIN_PARALLEL if jobs else MIN_PARALLEL_AUTO
    return workers if workers > 1 and count >= least else 1


def clean_source(source: Source) -> tuple[list[tuple[Document, Cleaned]], list[str]]:
    """Load one file and clean each document in it; the loader's complaints come back as text."""
    errors: list[str] = []
    documents = list(load_source(source, errors.append))
    return [(document, clean(document.raw)) for document in documents], errors


def clean_sources(
    sources: Sequence[Source], jobs: int, report: Callable[[str], None]
) -> Iterator[tuple[Document, Cleaned]]:
    """Every document of `sources` with its Cleaned, in order, using `jobs` processes when it pays."""
    if jobs <= 1 or len(sources) < MIN_PARALLEL:
        results: Iterable[tuple[list[tuple[Document, Cleaned]], list[str]]] = map(
            clean_source, sources
        )
    else:
        results = ordered_map(clean_source, sources, jobs)
    for pairs, errors in results:
        for message in errors:
            report(message)
        yield from pairs


Render = Callable[[Document, Cleaned], str]


def render_source(render: Render, source: Source) -> tuple[list[str], list[str]]:
    """In a worker: clean one file and format each document, so only text travels back; a document
    the cleaner kept nothing of is said on stderr, so an empty output does not look like a failure."""
    pairs, errors = clean_source(source)
    errors += [
        f"{document.id}: no article text found ({len(cleaned.lines)} line"
        f"{'' if len(cleaned.lines) == 1 else 's'} dropped; "
        "--explain shows why each went)"
        for document, cleaned in pairs
        if not cleaned.text
    ]
    return [render(document, cleaned) for document, cleaned in pairs], errors


def render_sources(
    sources: Sequence[Source], jobs: int, report: Callable[[str], None], render: Render
) -> Iterator[str]:
    """`render(document, cleaned)` for every document, in order; workers clean and format."""
    task = partial(render_source, render)
    results: Iterable[tuple[list[str], list[str]]]
    if jobs <= 1 or len(sources) < MIN_PARALLEL:
        results = map(task, sources)
    else:
        results = ordered_map(task, sources, jobs)
    for texts, errors in results:
        for message in errors:
            report(message)
        yield from texts
