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
