"""The shipped example database and the README's reader must keep working against the schema."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tui.store import Store
from tui.store.check import check
from tui.store.schema import schema_errors

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = ROOT / "annotations"


def test_example_database_validates_and_opens(tmp_path):
    assert check(ANNOTATIONS / "example.json").ok
    copy = tmp_path / "example.json"
    copy.write_bytes((ANNOTATIONS / "example.json").read_bytes())
    with Store.open(copy, read_only=True) as store:
        claims = [a for a in store.annotations() if a["kind"] == "claim"]
        assert claims and claims[0]["attributes"]["speaker"]["text"] == "Lin Yunan"
        assert {"National Information Centre", "State Information Center"} <= {
            a["exact"] for a in store.annotations()
        }


def test_readme_python_reader_runs(tmp_path, monkeypatch, capsys):
    readme = (ANNOTATIONS / "README.md").read_text()
    reader = re.search(r"```python\n(.+?)```", readme, re.S).group(1)
    assert len(reader.strip().splitlines()) <= 6
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / "annotations.json").write_bytes(
        (ANNOTATIONS / "example.json").read_bytes()
    )
    monkeypatch.chdir(tmp_path)
    exec(compile(reader, "README.md", "exec"), {})
    assert "Lin Yunan" in capsys.readouterr().out


def test_readme_documents_every_schema_field():
    readme = (ANNOTATIONS / "README.md").read_text()
    schema = json.loads((ANNOTATIONS / "schema.json").read_text())
    for name in ("meta", "document", "annotation", "entity", "relation", "label", "attributes"):
        for field in schema["$defs"][name]["properties"]:
            assert f"`{field}`" in readme, (
                f"{name}.{field} is not documented in annotations/README.md"
            )


def test_schema_rejects_what_it_should():
    data = json.loads((ANNOTATIONS / "example.json").read_text())
    assert list(schema_errors(data)) == []
    ann = next(iter(data["annotations"].values()))
    ann["kind"] = "note"
    del ann["exact"]
    errors = list(schema_errors(data))
    assert any("'note' is not one of" in e for e in errors) and any(
        "'exact' is a required" in e for e in errors
    )


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: next(iter(d["annotations"].values())).update(kind="note"),
        lambda d: next(iter(d["annotations"].values())).pop("exact"),
        lambda d: next(iter(d["documents"].values())).update(status="finished"),
        lambda d: d["labels"].update({"0": next(iter(d["labels"].values()))}),
        lambda d: next(iter(d["annotations"].values())).update(prefix="x" * 40),
        lambda d: next(iter(d["relations"].values())).update(id="not-a-uuid"),
        lambda d: d.pop("entities"),
    ],
)
def test_fast_and_full_validators_agree(mutate):
    import jsonschema

    from tui.store.schema import _fast_validator, schema

    data = json.loads((ANNOTATIONS / "example.json").read_text())
    full = jsonschema.Draft202012Validator(schema())
    assert full.is_valid(data)
    _fast_validator()(data)
    mutate(data)
    assert not full.is_valid(data)
    with pytest.raises(Exception, match="must"):
        _fast_validator()(data)
    assert list(schema_errors(data))


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed")
def test_readme_jq_one_liner_runs():
    readme = (ANNOTATIONS / "README.md").read_text()
    command = re.search(r"```sh\n(jq .+?)\n```", readme, re.S).group(1)
    command = command.replace("annotations/annotations.json", str(ANNOTATIONS / "example.json"))
    out = subprocess.run(command, shell=True, capture_output=True, text=True, check=True).stdout
    assert "\tPERSON\tLin Yunan" in out


def test_example_documents_are_the_seeds_as_the_app_names_them():
    """`newsmark` opens seeds/ and names each article by its path inside it: the example's
    annotations must be on those documents, not on copies the library never lists."""
    from tui.documents.discover import discover

    ids = {source.id for source in discover([ROOT / "seeds"], on_error=print)}
    data = json.loads((ANNOTATIONS / "example.json").read_text())
    assert {d["id"] for d in data["documents"].values()} == ids
    assert {a["document_id"] for a in data["annotations"].values()} <= ids
