"""Cleaning on several processes (and a local Dask cluster) gives what one process gives."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.cli import cli
from tui.corpus import index

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def make_corpus(root: Path, count: int) -> Path:
    """`count` articles in 3 folders, shuffled variants of the seeds, plus one JSONL file."""
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    rng = random.Random(3)
    for number in range(count):
        folder = root / f"outlet{number % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        lines = seeds[number % len(seeds)].split("\n")
        body = lines[1:]
        rng.shuffle(body)
        text = f"Article {number}: {lines[0]}\n" + "\n".join(body)
        (folder / f"a{number:03d}.txt").write_text(text, encoding="utf-8")
    records = [{"id": f"r{n}", "text": seeds[n % len(seeds)]} for n in range(4)]
    (root / "feed.jsonl").write_text("\n".join(map(json.dumps, records)) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("scale") / "corpus", 40)


def test_clean_jobs_output_equals_one_process(corpus):
    runner = CliRunner()
    one = runner.invoke(cli, ["clean", "--json", "--jobs", "1", str(corpus)])
    two = runner.invoke(cli, ["clean", "--json", "--jobs", "2", str(corpus)])
    assert one.exit_code == two.exit_code == 0
    assert one.output == two.output
    assert len(one.output.splitlines()) == 44


def test_first_indexing_on_a_pool_equals_one_process(corpus, tmp_path):
    single = list(index([corpus], tmp_path / "c1", jobs=1))
    progress: list[tuple[int, int]] = []
    pooled = list(
        index([corpus], tmp_path / "c2", jobs=2, on_progress=lambda d, t: progress.append((d, t)))
    )
    assert pooled == single
    assert len(pooled) == 44 and progress[-1] == (41, 41)
    again = list(index([corpus], tmp_path / "c2", jobs=2))  # second start: from the index file
    assert [e.id for e in again] == [e.id for e in single]


@pytest.mark.slow
def test_dask_local_cluster_writes_parquet_newsmark_opens(corpus, tmp_path):
    pytest.importorskip("dask.distributed")
    from tui.corpus import load
    from tui.corpus.dask_clean import client_for, run
    from tui.corpus.parquet import parts, read_rows

    output = tmp_path / "cleaned"
    client = client_for("local", 2)  # worker processes: no distributed state left in this one
    try:
        summary = run([str(corpus)], str(output), client, report=print, per_part=10)
    finally:
        client.close()
    assert (summary.articles, summary.parts) == (44, 5)
    single = [
        json.loads(line)
        for line in CliRunner()
        .invoke(cli, ["clean", "--json", "--jobs", "1", str(corpus)])
        .output.splitlines()
    ]
    rows = [r for part in parts(str(output)) for r in read_rows(part)]
    assert [r["id"] for r in rows] == [s["id"] for s in single]
    for r, s in zip(rows, single, strict=True):
        assert (r["title"], json.loads(r["meta"]), r["text"], json.loads(r["lines"])) == (
            s["title"],
            s["meta"],
            s["text"],
            s["lines"],
        )
    # newsmark opens the folder as a corpus: the same entries, and articles load without cleaning
    entries = list(index([output], tmp_path / "c3"))
    plain = list(index([corpus], tmp_path / "c4", jobs=1))
    assert [(e.id, e.title, e.words, e.raw_sha256) for e in entries] == [
        (e.id, e.title, e.words, e.raw_sha256) for e in plain
    ]
    document, cleaned = load(entries[7])
    expected_doc, expected = load(plain[7])
    assert (document.raw, cleaned.text, cleaned.lines, cleaned.segments) == (
        expected_doc.raw,
        expected.text,
        expected.lines,
        expected.segments,
    )


def test_dask_needs_output_and_refuses_a_full_folder(corpus, tmp_path):
    result = CliRunner().invoke(cli, ["clean", str(corpus), "--dask", "local"])
    assert result.exit_code == 2 and "--output" in result.output


def test_fsspec_inputs_and_output(corpus):
    """URLs in and out (fsspec's memory filesystem here; s3:// etc. work the same way)."""
    fsspec = pytest.importorskip("fsspec")
    pytest.importorskip("pyarrow")
    from tui.corpus.dask_clean import clean_partition, list_inputs
    from tui.corpus.parquet import is_parquet_corpus, read_rows

    fs = fsspec.filesystem("memory")
    local = sorted((corpus / "outlet1").glob("*.txt"))[:3]
    for path in local:
        fs.pipe(f"/in/outlet1/{path.name}", path.read_bytes())
    inputs = list_inputs(["memory://in"], print)
    assert [i.id for i in inputs] == [f"outlet1/{p.name}" for p in local]
    count, errors = clean_partition(inputs, "memory://out/part-00000.parquet")
    assert (count, errors) == (3, [])
    rows = list(read_rows("memory://out/part-00000.parquet"))
    single = CliRunner().invoke(cli, ["clean", "--json", "--jobs", "1", *map(str, local)])
    expected = [json.loads(line) for line in single.output.splitlines()]
    assert [r["text"] for r in rows] == [e["text"] for e in expected]
    assert rows[0]["path"] == f"memory:///in/outlet1/{local[0].name}"
    assert not is_parquet_corpus("memory://out")  # no manifest: not a finished corpus


@pytest.mark.parametrize("follow", [False, True])
def test_dask_inputs_follow_links_only_when_asked(tmp_path, follow):
    """`clean --dask` lists local files by the same symlink rule as `clean`."""
    from tui.corpus.dask_clean import list_inputs

    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    corpus.mkdir()
    outside.mkdir()
    (corpus / "a.txt").write_text("Inside.\n", encoding="utf-8")
    (outside / "secret.txt").write_text("Outside.\n", encoding="utf-8")
    (corpus / "secret.txt").symlink_to(outside / "secret.txt")
    said: list[str] = []
    inputs = list_inputs([str(corpus)], said.append, follow_links=follow)
    assert sorted(item.id for item in inputs) == (["a.txt", "secret.txt"] if follow else ["a.txt"])
    assert any("outside the folders given" in line for line in said) is not follow
