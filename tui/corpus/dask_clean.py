"""Cleaning a corpus on a Dask cluster into partitioned Parquet that newsmark opens without re-cleaning.

Each task cleans one partition of input files and writes its own `part-NNNNN.parquet`
straight to the output (a shared folder or an fsspec URL such as s3://bucket/corpus), so
articles never travel back through the client. Inputs are local paths (which every worker
must see, e.g. on a shared file system) or fsspec URLs that the workers read themselves.
"""

from __future__ import annotations

import json
import logging
import math
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from typing import Any

from tui.documents import Document, Source, discover, load_source
from tui.documents.discover import KINDS


class DaskMissing(RuntimeError):
    """dask.distributed is not installed; the message says how to get it."""


@dataclass(frozen=True)
class Input:
    """One input file: a local Source, or a URL with the id and kind it gets."""

    url: str
    id: str
    kind: str
    local: Source | None = None


@dataclass(frozen=True)
class Summary:
    articles: int
    parts: int
    seconds: float
    errors: list[str]


def is_url(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def list_inputs(
    paths: Sequence[str], report: Callable[[str], None], *, follow_links: bool = False
) -> list[Input]:
    """Local files through `discover` (same ids and symlink rule as `newsmark clean`), URLs through fsspec."""
    inputs: list[Input] = []
    local = [p for p in paths if not is_url(p)]
    inputs += [
        Input(s.path, s.id, s.kind, s) for s in discover(local, report, follow_links=follow_links)
    ]
    for url in (p for p in paths if is_url(p)):
        import fsspec

        fs, root = fsspec.core.url_to_fs(url)
        protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
        found = [root] if fs.isfile(root) else sorted(fs.find(root))
        for name in found:
            kind = KINDS.get(PurePosixPath(name).suffix.lower())
            if kind is None:
                continue
            if name == root:
                file_id = PurePosixPath(name).name
            else:
                file_id = str(PurePosixPath(name).relative_to(root.rstrip("/")))
            inputs.append(Input(f"{protocol}://{name}", file_id, kind))
    return inputs


def _load(item: Input, errors: list[str]) -> list[Document]:
    if item.local is not None:
        return list(load_source(item.local, errors.append))
    import fsspec

    with fsspec.open(item.url, "rb") as handle:
        data = handle.read()
    suffix = PurePosixPath(item.url).suffix
    with tempfile.NamedTemporaryFile(suffix=suffix, delete=False) as temp:
        temp.write(data)
    try:
        source = Source(temp.name, item.id, item.kind, len(data), 0)
        loaded = list(load_source(source, lambda m: errors.append(m.replace(temp.name, item.url))))
    finally:
        os.unlink(temp.name)
    return [replace(d, path=item.url) for d in loaded]


def clean_partition(items: Sequence[Input], url: str) -> tuple[int, list[str]]:
    """In a worker: clean these files and write them as one Parquet partition."""
    from tui.cleaning import clean
    from tui.corpus.parquet import row, write_part
    from tui.text import word_count

    errors: list[str] = []
    rows = []
    for item in items:
        for document in _load(item, errors):
            cleaned = clean(document.raw)
            rows.append(row(document, cleaned, word_count(cleaned.body)))
    write_part(rows, url)
    return len(rows), errors


def client_for(address: str, workers: int, processes: bool = True) -> Any:
    """A Client on the scheduler at `address`, or on a new LocalCluster for 'local'."""
    try:
        from dask.distributed import Client
    except ImportError:
        raise DaskMissing(
            "--dask needs dask.distributed: pip install 'newsmark[dask]' (or drop --dask and use --jobs)"
        ) from None
    if address == "local":
        # the client starts the LocalCluster itself, so closing the client stops its workers too
        return Client(  # type: ignore[no-untyped-call]
            n_workers=workers,
            threads_per_worker=1,
            processes=processes,
            dashboard_address=None,
            silence_logs=logging.ERROR,  # worker shutdown chatter is not the user's business
        )
    return Client(address, timeout="20s")  # type: ignore[no-untyped-call]


def run(
    paths: Sequence[str],
    output: str,
    client: Any,
    report: Callable[[str], None],
    per_part: int | None = None,
    *,
    follow_links: bool = False,
) -> Summary:
    """Clean `paths` on the cluster behind `client` into Parquet partitions under `output`."""
    import fsspec

    from tui.cleaning import CLEANER_VERSION
    from tui.corpus.parquet import MANIFEST

    started = time.perf_counter()
    inputs = list_inputs(paths, report, follow_links=follow_links)
    if not inputs:
        raise ValueError(f"no .txt, .html, .htm or .jsonl files in {' '.join(paths)}")
    fs, root = fsspec.core.url_to_fs(output)
    if fs.exists(root) and fs.ls(root):
        raise ValueError(f"{output} is not empty; give a new folder with --output")
    fs.makedirs(root, exist_ok=True)
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    size = per_part or max(1, min(2000, math.ceil(len(inputs) / (workers * 4))))
    chunks = [inputs[i : i + size] for i in range(0, len(inputs), size)]
    base = output.rstrip("/")
    urls = [f"{base}/part-{n:05d}.parquet" for n in range(len(chunks))]
    # the file lists go to the workers as data, not inside the task graph (100k paths is MBs)
    futures = client.map(clean_partition, client.scatter(chunks), urls, pure=False)
    results: list[tuple[int, list[str]]] = client.gather(futures)
    errors = [message for _count, messages in results for message in messages]
    for message in errors:
        report(message)
    articles = sum(count for count, _messages in results)
    manifest = {"cleaner_version": CLEANER_VERSION, "parts": len(chunks), "articles": articles}
    with fsspec.open(f"{base}/{MANIFEST}", "w") as handle:
        handle.write(json.dumps(manifest))
    return Summary(articles, len(chunks), time.perf_counter() - started, errors)
