"""Export then import gives back the same annotations (JSONL, brat, native JSON)."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.formats.brat import escape_note, export_brat, fragments
from tui.formats.brat_import import read_brat, unescape_note
from tui.formats.common import ExportReport, label_kinds
from tui.formats.jsonl import export_jsonl, read_jsonl
from tui.formats.native import export_native, read_native
from tui.formats.sample import sample_snapshot


def _key(annotation, ids=None):
    """What must survive a round trip: position, kind, label, link and claim attributes."""
    attributes = dict(annotation.get("attributes") or {})
    return (
        annotation["document_id"],
        annotation["kind"],
        annotation["label"],
        annotation["start"],
        annotation["end"],
        annotation.get("entity_id"),
        json.dumps(attributes, sort_keys=True),
    )


def _placed(snapshot):
    return sorted(_key(a) for a in snapshot["annotations"] if a.get("state", "ok") == "ok")


def test_jsonl_round_trip(tmp_path):
    snapshot = sample_snapshot()
    path = tmp_path / "out.jsonl"
    with path.open("wb") as out:
        report = export_jsonl(snapshot, out)
    imported = read_jsonl(path)
    assert imported.warnings == []
    assert sorted(_key(a) for a in imported.annotations) == _placed(snapshot)
    assert [(d["id"], d["text"], d["title"]) for d in imported.documents] == [
        (d["id"], d["text"], d["title"]) for d in snapshot["documents"]
    ]
    assert imported.documents[0]["metadata"]["url"] == "https://example.com/a"
    assert report.annotations == 8
    assert report.not_carried["relations (JSONL spans have no links)"] == 2


def test_jsonl_utf16_offsets_round_trip(tmp_path):
    snapshot = sample_snapshot()
    path = tmp_path / "out.jsonl"
    with path.open("wb") as out:
        export_jsonl(snapshot, out, offsets="utf16")
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    emoji_doc = lines[1]
    span = next(s for s in emoji_doc["spans"] if s["label"] == "PERSON")
    units = emoji_doc["text"].encode("utf-16-le")
    assert units[2 * span["start"] : 2 * span["end"]].decode("utf-16-le") == "Li Wei"
    assert sorted(_key(a) for a in read_jsonl(path).annotations) == _placed(snapshot)


def test_jsonl_reads_doccano_and_prodigy_shapes(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps(
                    {
                        "id": 4,
                        "text": "Li Wei met Xi.",
                        "label": [[0, 6, "PERSON"], [11, 13, "PERSON"]],
                    }
                ),
                json.dumps(
                    {
                        "text": "Acme Corp",
                        "entities": [{"id": 1, "start_offset": 0, "end_offset": 9, "label": "ORG"}],
                        "relations": [{"id": 1, "from_id": 1, "to_id": 1, "type": "self"}],
                    }
                ),
                json.dumps(
                    {
                        "text": "Claim here",
                        "meta": {"title": "T"},
                        "spans": [
                            {"start": 0, "end": 5, "label": "CLAIM"},
                            {"start": 3, "end": 99, "label": "X"},
                        ],
                    }
                ),
                json.dumps(
                    {
                        "text": "Rejected",
                        "answer": "reject",
                        "spans": [{"start": 0, "end": 3, "label": "ORG"}],
                    }
                ),
                "not json",
                json.dumps({"no": "text"}),
            ]
        )
    )
    imported = read_jsonl(path, label_kinds={"CLAIM": "claim"})
    assert [d["id"] for d in imported.documents] == ["4", "mixed.jsonl#2", "mixed.jsonl#3"]
    assert any("Prodigy answer is 'reject'" in warning for warning in imported.warnings)
    assert [(a["label"], a["start"], a["end"], a["kind"]) for a in imported.annotations] == [
        ("PERSON", 0, 6, "entity"),
        ("PERSON", 11, 13, "entity"),
        ("ORG", 0, 9, "entity"),
        ("CLAIM", 0, 5, "claim"),
    ]
    assert imported.relations == [
        {"from": "mixed.jsonl#2#1", "to": "mixed.jsonl#2#1", "type": "self"}
    ]
    assert imported.documents[2]["title"] == "T"
    assert len(imported.warnings) == 4
    assert all(str(path) in warning for warning in imported.warnings)


def test_brat_round_trip(tmp_path):
    snapshot = sample_snapshot()
    report = export_brat(snapshot, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "annotation.conf",
        "feed.jsonl_7.ann",
        "feed.jsonl_7.txt",
        "newsmark-documents.json",
        "newsmark-labels.json",
        "seeds_alliance.txt.ann",
        "seeds_alliance.txt.txt",
        "tools.conf",
    ]
    ann = (tmp_path / "seeds_alliance.txt.ann").read_text()
    assert "\tClaimType T" in ann and " indirect_quote" in ann
    assert "\tcue Arg1:" in ann and "\tsaid_by Arg1:" in ann
    assert "check the\\nofficial transcript" in ann
    imported = read_brat(tmp_path, label_kinds=label_kinds(snapshot))
    assert imported.warnings == []
    assert sorted(_key(a) for a in imported.annotations) == _placed(snapshot)
    assert [(d["id"], d["text"]) for d in imported.documents] == [
        (d["id"], d["text"]) for d in reversed(snapshot["documents"])
    ]
    by_local = {a["id"]: a for a in imported.annotations}
    said_by, same_entity = sorted(imported.relations, key=lambda r: r["type"])
    assert said_by["type"] == "said_by" and same_entity["type"] == "same_entity"
    assert (
        by_local[said_by["from"]]["kind"] == "claim"
        and by_local[said_by["to"]]["label"] == "PERSON"
    )
    assert report.relations == 2  # one R line, one CrossDocumentRelation note
    assert {e["id"]: e["external_id"] for e in imported.entities}["ent-li"] == "Q123"


def test_brat_reads_foreign_files_without_manifest(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("Acme hired Bob.\nBob left.", newline="")
    (tmp_path / "news" / "a.ann").write_text(
        "T1\tOrganization 0 4\tAcme\nT2\tPerson 11 14\tBob\nT3\tPerson 16 19\tBob\n"
        "A1\tNegated T2\nR1\tEmploys Arg1:T1 Arg2:T2\nE1\tHire:T1\nT4\tPerson 5 999\tbad\n"
    )
    imported = read_brat(tmp_path)
    assert [d["id"] for d in imported.documents] == ["news/a.txt"]
    assert [(a["label"], a["start"], a["end"]) for a in imported.annotations] == [
        ("Organization", 0, 4),
        ("Person", 11, 14),
        ("Person", 16, 19),
    ]
    assert imported.annotations[1]["attributes"] == {"Negated": True}
    assert imported.relations == [
        {"from": "news/a.txt#T1", "to": "news/a.txt#T2", "type": "Employs"}
    ]
    assert len(imported.warnings) == 2  # the event line and the out-of-range span


def test_brat_spans_do_not_cross_lines():
    text = "one two\nthree four"
    assert fragments(text, 4, 13) == [(4, 7), (8, 13)]


@settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_brat_notes_escape_round_trip(value):
    escaped = escape_note(value)
    assert "\n" not in escaped and "\t" not in escaped and "\r" not in escaped
    assert unescape_note(escaped) == value


def test_native_round_trip_keeps_everything(tmp_path):
    snapshot = sample_snapshot()
    path = tmp_path / "db.json"
    with path.open("wb") as out:
        report = export_native(snapshot, out)
    assert report.not_carried == {} and report.annotations == 10
    imported = read_native(path)
    assert imported.annotations == snapshot["annotations"]
    assert imported.documents == snapshot["documents"]
    assert imported.relations == snapshot["relations"]


def test_report_lines_name_every_loss():
    report = ExportReport("conll", documents=2, annotations=3)
    report.lost("claims", 2)
    report.lost("nothing", 0)
    assert report.lines() == [
        "conll: exported 3 annotations and 0 relations in 2 documents",
        "conll: not carried: 2 claims",
    ]


def test_brat_export_removes_its_own_stale_files_only(tmp_path):
    snapshot = sample_snapshot()
    export_brat(snapshot, tmp_path)
    (tmp_path / "notes.txt").write_text("mine")
    snapshot["documents"] = snapshot["documents"][:1]
    export_brat(snapshot, tmp_path)
    assert (
        not (tmp_path / "feed.jsonl_7.ann").exists()
        and not (tmp_path / "feed.jsonl_7.txt").exists()
    )
    assert (tmp_path / "seeds_alliance.txt.ann").exists() and (
        tmp_path / "notes.txt"
    ).read_text() == "mine"


def test_brat_names_a_line_that_is_not_standoff_as_such(tmp_path):
    (tmp_path / "a.txt").write_text("Acme hired Bob.", newline="")
    (tmp_path / "a.ann").write_text("T1\tOrganization 0 4\tAcme\ngarbage line\nE1\tHire:T1\n")
    warnings = read_brat(tmp_path).warnings
    assert len(warnings) == 2
    assert (
        "not a brat standoff line" in warnings[0] and "events" not in warnings[0]
    )  # was "g lines (events...)"
    assert "E lines (events, equivalences) are not supported" in warnings[1]


def _links_in_a_fresh_store(tmp_path, export, read):
    """Export the sample, import it into a new database; the entity each placed mention and
    claim speaker is linked to, as a partition of (document, start, end)s."""
    from tui.formats.into_store import apply_import
    from tui.store import Store

    snapshot = sample_snapshot()
    export(snapshot, tmp_path / "out")
    store = Store.open(tmp_path / "db.json", annotator="t")
    try:
        summary = apply_import(store, read(tmp_path / "out", label_kinds=label_kinds(snapshot)))
        groups = {}
        for annotation in store.snapshot()["annotations"]:
            speaker = (annotation.get("attributes") or {}).get("speaker") or {}
            for entity in (annotation.get("entity_id"), speaker.get("entity_id")):
                if entity:
                    assert store.get_entity(entity) is not None
                    key = (annotation["document_id"], annotation["start"], annotation["end"])
                    groups.setdefault(entity, set()).add(key)
    finally:
        store.close()
    expected = {}
    for annotation in snapshot["annotations"]:
        if annotation.get("state", "ok") != "ok":
            continue
        speaker = (annotation.get("attributes") or {}).get("speaker") or {}
        for entity in (annotation.get("entity_id"), speaker.get("entity_id")):
            if entity:
                key = (annotation["document_id"], annotation["start"], annotation["end"])
                expected.setdefault(entity, set()).add(key)
    assert sorted(map(sorted, groups.values())) == sorted(map(sorted, expected.values()))
    assert not any("dropped" in line for line in summary.warnings), summary.warnings


def test_label_studio_entity_links_survive_a_fresh_database(tmp_path):
    """Label Studio carries only the entity id: the import makes the entity instead of dropping
    every link (and a claim's speaker entity) with a warning."""
    from tui.formats.label_studio import export_label_studio
    from tui.formats.label_studio_import import read_label_studio

    _links_in_a_fresh_store(tmp_path, export_label_studio, read_label_studio)


def test_xmi_entity_links_survive_a_fresh_database(tmp_path):
    import pytest

    pytest.importorskip("cassis")
    from tui.formats.xmi import export_xmi
    from tui.formats.xmi_import import read_xmi

    _links_in_a_fresh_store(tmp_path, export_xmi, read_xmi)
