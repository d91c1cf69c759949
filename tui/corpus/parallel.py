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
from functools import partial
from itertools import islice
from typing import TypeVar

from tui.cleaning import Cleaned, clean
from tui.documents import Document, Source, load_source

T = TypeVar("T")
R = TypeVar("R")

MIN_PARALLEL = 24  # fewer sources than this are cleaned in-process: starting workers costs more
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


def _run_batch(fn: Callable[[T], R], batch: Sequence[T]) -> list[R]:
    return [fn(item) for item in batch]


def ordered_map(
    fn: Callable[[T], R], items: Iterable[T], jobs: int, batch: int = BATCH
) -> Generator[R]:
    """`map(fn, items)` over `jobs` processes, in order, with a bounded number of batches in flight.

    `fn` must be a module-level function (or a partial of one) so it can be sent to a worker.
    """
    iterator = iter(items)
    context = multiprocessing.get_context(
        "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    )
    pending: deque[Future[list[R]]] = deque()
    task = partial(_run_batch, fn)
    with _real_stderr():
        executor = ProcessPoolExecutor(max_workers=jobs, mp_context=context)

    def submit() -> bool:
        chunk = list(islice(iterator, batch))
        if chunk:
            pending.append(executor.submit(task, chunk))
        return bool(chunk)

    try:
        with _real_stderr():  # the first submit starts the workers
            while len(pending) < jobs * 3 and submit():
                pass
        while pending:
            results = pending.popleft().result()
            submit()
            yield from results
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


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
    """In a worker: clean one file and format each document, so only text travels back."""
    pairs, errors = clean_source(source)
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
