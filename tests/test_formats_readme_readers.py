"""The jq and Python readers in annotations/README.md skip orphans and suggestions (issue 10 #8)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

README = Path(__file__).parents[1] / "annotations" / "README.md"


def test_python_reader_prints_only_placed_annotations(awkward_db, tmp_path, monkeypatch, capsys):
    reader = re.search(r"```python\n(.+?)```", README.read_text(), re.S).group(1)
    (tmp_path / "annotations").mkdir(exist_ok=True)
    (tmp_path / "annotations" / "annotations.json").write_bytes(awkward_db.read_bytes())
    monkeypatch.chdir(tmp_path)
    exec(compile(reader, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "awkward/astral.txt PERSON Zoe\u0308 Lee" in out
    assert "PERSON Merger" not in out  # the orphan's offsets point at other text
    assert "ORG Analysts" not in out  # an unaccepted suggestion
    assert len(out.splitlines()) == 14  # 12 spans + 2 that contain a splitlines break


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed")
def test_jq_reader_skips_orphans_and_suggestions(awkward_db):
    command = re.search(r"```sh\n(jq .+?)\n```", README.read_text(), re.S).group(1)
    command = command.replace("annotations/annotations.json", str(awkward_db))
    out = subprocess.run(command, shell=True, capture_output=True, text=True, check=True).stdout
    rows = [line.split("\t") for line in out.split("\n") if line]
    assert ["awkward/crlf.txt", "PERSON", "Merger"] not in rows
    assert ["awkward/crlf.txt", "ORG", "Analysts"] not in rows
    assert ["awkward/astral.txt", "PERSON", "Zoe\u0308 Lee"] in rows


def test_speaker_annotation_id_is_documented():
    assert "`annotation_id`" in README.read_text()
