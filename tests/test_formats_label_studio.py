"""Label Studio: tasks and config validated by label-studio-sdk; import gives the records back."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tui.cli import cli
from tui.formats.label_studio import export_label_studio
from tui.formats.label_studio_import import read_label_studio
from tui.store import Store

label_interface = pytest.importorskip("label_studio_sdk.label_interface")


def _export(snapshot, tmp_path):
    out = tmp_path / "ls"
    report = export_label_studio(snapshot, out)
    tasks = json.loads((out / "tasks.json").read_text(encoding="utf-8"))
    config = (out / "labeling-config.xml").read_text(encoding="utf-8")
    return out, tasks, config, report


def test_label_interface_accepts_every_task_annotation_and_prediction(awkward, tmp_path):
    _, tasks, config, report = _export(awkward, tmp_path)
    interface = label_interface.LabelInterface(config)
    assert len(tasks) == 2
    for task in tasks:
        assert interface.validate_task({"data": task["data"]})
        for item in task["annotations"] + task.get("predictions", []):
            assert interface.validate_prediction(item, return_errors=True) == []
            assert interface.validate_annotation(item)
    for task, document in zip(tasks, awkward["documents"], strict=True):
        for region in task["annotations"][0]["result"]:
            if region["type"] == "labels":
                value = region["value"]
                assert document["text"][value["start"] : value["end"]] == value["text"]
    kinds = sorted(
        r["labels"][0]
        for t in tasks
        for r in t["annotations"][0]["result"]
        if r["type"] == "relation"
    )
    assert kinds == ["cue", "said_by", "said_by"]
    assert report.relations == 2
    assert (
        report.not_carried["relations across documents (a Label Studio relation stays in one task)"]
        == 2
    )
    assert tasks[0]["predictions"][0]["result"][0]["value"]["text"] == "Analysts"


def test_the_sdk_rejects_a_label_missing_from_the_config(awkward, tmp_path):
    _, tasks, config, _ = _export(awkward, tmp_path)
    interface = label_interface.LabelInterface(config)
    item = json.loads(json.dumps(tasks[0]["annotations"][0]))
    item["result"][0]["value"]["labels"] = ["NOT A LABEL"]
    assert interface.validate_prediction(item, return_errors=True) != []


def test_label_studio_round_trip_record_by_record(awkward_db, tmp_path):
    with Store.open(awkward_db, read_only=True) as store:
        snapshot = store.snapshot()
    out, _, _, _ = _export(snapshot, tmp_path)
    imported = read_label_studio(out, label_kinds={"CLAIM": "claim"})
    assert imported.warnings == []
    back = {a["id"]: a for a in imported.annotations}
    wanted = [a for a in snapshot["annotations"] if a["state"] in ("ok", "suggested")]
    assert len(back) == len(wanted) == 13
    for annotation in wanted:
        got = back[annotation["id"]]
        for key in ("document_id", "kind", "label", "start", "end", "entity_id", "state"):
            assert got[key] == annotation[key], (annotation["label"], key)
        assert got["attributes"] == annotation["attributes"], annotation["label"]
    relations = {(r["from"], r["to"], r["type"]) for r in imported.relations}
    expected = {
        (r["from"], r["to"], r["type"]) for r in snapshot["relations"] if r["type"] == "said_by"
    }
    assert relations == expected


def test_cli_imports_a_label_studio_export_list(tmp_path):
    """A Label Studio JSON export (a list, region ids of its own) is detected and imported."""
    text = "Acme Corp hired Jane Doe."
    tasks = [
        {
            "id": 7,
            "data": {"text": text},
            "annotations": [
                {
                    "completed_by": {"email": "ann@example.com"},
                    "created_at": "2026-01-02T03:04:05.123456Z",
                    "result": [
                        {
                            "id": "a1",
                            "from_name": "label",
                            "to_name": "text",
                            "type": "labels",
                            "value": {"start": 0, "end": 9, "text": "Acme Corp", "labels": ["ORG"]},
                        },
                        {
                            "id": "b2",
                            "from_name": "label",
                            "to_name": "text",
                            "type": "labels",
                            "value": {
                                "start": 16,
                                "end": 24,
                                "text": "Jane Doe",
                                "labels": ["PERSON"],
                            },
                        },
                        {
                            "type": "relation",
                            "from_id": "b2",
                            "to_id": "a1",
                            "direction": "right",
                            "labels": ["works_for"],
                        },
                    ],
                }
            ],
        }
    ]
    source = tmp_path / "project-1-at-2026.json"
    source.write_text(json.dumps(tasks), encoding="utf-8")
    db = tmp_path / "db.json"
    result = CliRunner().invoke(cli, ["import", str(source), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with Store.open(db, read_only=True) as store:
        spans = sorted((a["exact"], a["label"], a["annotator"]) for a in store.annotations())
        relations = [r["type"] for r in store.relations()]
    assert spans == [
        ("Acme Corp", "ORG", "ann@example.com"),
        ("Jane Doe", "PERSON", "ann@example.com"),
    ]
    assert relations == ["works_for"]


def test_utf16_offsets_from_old_label_studio_are_recognised(tmp_path):
    text = "\U0001f680 Acme Corp launched"
    task = {
        "data": {"text": text},
        "annotations": [
            {
                "result": [
                    {
                        "id": "x",
                        "from_name": "label",
                        "to_name": "text",
                        "type": "labels",
                        "value": {"start": 3, "end": 12, "text": "Acme Corp", "labels": ["ORG"]},
                    }
                ]
            }
        ],
    }
    path = tmp_path / "old.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    imported = read_label_studio(path)
    (annotation,) = imported.annotations
    assert text[annotation["start"] : annotation["end"]] == "Acme Corp"
    assert imported.warnings == []
