"""CSV and Parquet tables: one row per annotation, read back by csv, pandas and pyarrow."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from tui.cli import cli
from tui.formats.table import NAMES, export_csv


def _csv_rows(snapshot):
    out = io.BytesIO()
    report = export_csv(snapshot, out)
    with io.TextIOWrapper(io.BytesIO(out.getvalue()), encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream)), report


def test_csv_has_one_row_per_annotation_with_exact_text(awkward):
    rows, report = _csv_rows(awkward)
    texts = {d["id"]: d["text"] for d in awkward["documents"]}
    assert len(rows) == len(awkward["annotations"]) == report.annotations == 14
    assert list(rows[0]) == list(NAMES)
    for row in rows:
        if row["state"] != "orphaned":
            assert texts[row["document_id"]][int(row["start"]) : int(row["end"])] == row["text"]
    claim = next(r for r in rows if r["kind"] == "claim" and r["document_id"] == "awkward/crlf.txt")
    assert (claim["claim_type"], claim["stance"], claim["cue_text"]) == (
        "assertion",
        "disputed",
        "said",
    )
    assert claim["speaker_entity_name"] == "Acme Corp"
    assert {r["type"] for r in json.loads(claim["relations"])} == {
        "said_by",
        "contradicts",
        "supports",
    }
    assert {r["state"] for r in rows} == {"ok", "orphaned", "suggested"}
    assert "NEWS OUTLET" in {r["label"] for r in rows}
    assert report.not_carried["entity aliases and external ids (name and type are columns)"] == 2


def test_pandas_reads_the_csv_in_one_line(awkward, tmp_path):
    pandas = pytest.importorskip("pandas")
    path = tmp_path / "annotations.csv"
    with path.open("wb") as out:
        export_csv(awkward, out)
    frame = pandas.read_csv(path, keep_default_na=False)
    assert len(frame) == 14 and list(frame.columns) == list(NAMES)
    assert "Initech\u2028Inc" in set(frame["text"]) and "Acme\x85Corp" in set(frame["text"])


def test_parquet_reads_back_with_pyarrow(awkward_db, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "annotations.parquet"
    result = CliRunner().invoke(
        cli, ["export", "--format", "parquet", "--db", str(awkward_db), "-o", str(path)]
    )
    assert result.exit_code == 0, result.output
    table = pq.read_table(path)
    assert table.num_rows == 14 and table.column_names == list(NAMES)
    rows = table.to_pylist()
    claim = next(r for r in rows if r["claim_type"] == "assertion")
    assert sorted(r["type"] for r in claim["relations"]) == ["contradicts", "said_by", "supports"]
    assert isinstance(claim["start"], int)


def test_parquet_without_pyarrow_says_what_to_install(awkward_db, tmp_path):
    code = (
        "import sys; sys.modules['pyarrow'] = None; sys.modules['pyarrow.parquet'] = None\n"
        "from tui.cli import main; sys.argv = ['newsmark', 'export', '-f', 'parquet', '--db', "
        f"{str(awkward_db)!r}, '-o', {str(tmp_path / 'x.parquet')!r}]; main()"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode != 0
    assert "pip install 'newsmark[parquet]'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.parquet").exists()
