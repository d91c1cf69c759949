"""The cleaning pool falls back to this process when processes cannot start or the pool breaks."""

from __future__ import annotations

from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

from tui.corpus import parallel


class _NoProcesses:
    def __init__(self, *args: object, **kwargs: object) -> None:
        raise OSError(38, "Function not implemented")  # no sem_open in a sandbox


class _BreaksAfterOne:
    """A pool whose first batch comes back and whose later ones find it broken."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        self.calls = 0

    def submit(self, task, chunk):
        self.calls += 1
        future: Future = Future()
        if self.calls == 1:
            future.set_result(task(chunk))
        else:
            future.set_exception(BrokenProcessPool("a worker was killed"))
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def test_no_processes_means_the_same_results_in_process(monkeypatch):
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", _NoProcesses)
    assert list(parallel.ordered_map(abs, range(-50, 0), jobs=2, batch=4)) == list(range(50, 0, -1))


def test_a_broken_pool_finishes_in_process_in_order(monkeypatch):
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", _BreaksAfterOne)
    assert list(parallel.ordered_map(abs, range(-50, 0), jobs=2, batch=4)) == list(range(50, 0, -1))


def test_small_corpora_stay_in_process_unless_jobs_are_asked_for():
    assert parallel.pool_workers(None, parallel.MIN_PARALLEL_AUTO - 1) == 1
    assert parallel.pool_workers(2, parallel.MIN_PARALLEL) == 2
    assert parallel.pool_workers(1, 10_000) == 1
