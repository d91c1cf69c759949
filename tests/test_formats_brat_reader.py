"""brat: every .ann line parses with brat's own rules; labels, links and the registry come back."""

from __future__ import annotations

import json

from brat_reader import parse_ann, tools_conf_databases

from tui.formats.brat import export_brat
from tui.formats.brat_import import read_brat
from tui.formats.sample_awkward import awkward_snapshot


def _raw(path):
    """The text as brat reads it (codecs: no newline translation, so CRLF stays two characters)."""
    return path.read_bytes().decode("utf-8")


def _export(tmp_path, snapshot=None):
    out = tmp_path / "brat"
    report = export_brat(snapshot or awkward_snapshot(), out)
    return out, report


def test_every_line_parses_like_brat_with_line_breaks_in_text(tmp_path):
    """Issue 10 #1: U+0085, U+2028 and U+000C inside spans used to split T lines in brat."""
    out, report = _export(tmp_path)
    for ann in sorted(out.glob("*.ann")):
        text = _raw(ann.with_suffix(".txt"))
        content = ann.read_text(encoding="utf-8")
        parsed = parse_ann(content, text)
        assert parsed.failed == [], ann.name
        assert len(parsed.textbounds) + len(parsed.relations) + len(parsed.attributes) + len(
            parsed.normalizations
        ) + len(parsed.comments) == len(content.splitlines())
    crlf = parse_ann(
        (out / "awkward_crlf.txt.ann").read_text(encoding="utf-8"),
        _raw(out / "awkward_crlf.txt.txt"),
    )
    covered = sorted(t[2] for t in crlf.textbounds.values())
    assert "Acme Corp" in covered and "Initech Inc" in covered  # one fragment per line
    assert report.annotations == 12


def test_labels_with_spaces_are_reported_and_mapped_back(tmp_path):
    """Issue 10 #5: NEWS OUTLET became NEWS_OUTLET silently; re-import added a new label."""
    out, report = _export(tmp_path)
    assert any("'NEWS OUTLET' written as 'NEWS_OUTLET'" in line for line in report.lines())
    assert "NEWS_OUTLET" in (out / "annotation.conf").read_text()
    imported = read_brat(out)
    labels = {a["label"] for a in imported.annotations}
    assert "NEWS OUTLET" in labels and "NEWS_OUTLET" not in labels


def test_tools_conf_names_every_normalization_database(tmp_path):
    """Issue 10 #7 / issue 8: N lines point at the newsmark registry, which tools.conf declares."""
    out, _ = _export(tmp_path)
    databases = tools_conf_databases((out / "tools.conf").read_text(encoding="utf-8"))
    assert "newsmark" in databases
    used = set()
    for ann in out.glob("*.ann"):
        parsed = parse_ann(ann.read_text(encoding="utf-8"), _raw(ann.with_suffix(".txt")))
        used |= {n[2] for n in parsed.normalizations.values()}
    assert used and used <= databases


def test_relations_are_r_lines_and_what_brat_cannot_hold_is_counted(tmp_path):
    out, report = _export(tmp_path)
    ann = (out / "awkward_crlf.txt.ann").read_text(encoding="utf-8")
    parsed = parse_ann(ann, _raw(out / "awkward_crlf.txt.txt"))
    kinds = sorted(r[0] for r in parsed.relations.values())
    assert kinds == ["cue", "said_by"]
    lost = report.not_carried
    assert any(
        "2 relations across documents written as CrossDocumentRelation" in line
        for line in report.lines()
    )
    assert lost["orphaned annotations (no reliable position; kept in native json)"] == 1
    assert lost["unconfirmed suggestions (kept in native json)"] == 1
    assert sum(lost.values()) >= 6


def test_brat_round_trip_record_by_record(tmp_path):
    snapshot = awkward_snapshot()
    out, _ = _export(tmp_path, snapshot)
    imported = read_brat(out)
    assert imported.warnings == []
    documents = {d["id"]: d for d in imported.documents}
    for document in snapshot["documents"]:
        assert documents[document["id"]]["text"] == document["text"]  # CRLF kept
        assert documents[document["id"]]["title"] == document["title"]
    got = {(a["document_id"], a["start"], a["end"], a["label"]): a for a in imported.annotations}
    placed = [a for a in snapshot["annotations"] if a["state"] == "ok"]
    assert len(got) == len(placed)
    got_by_id = {a["id"]: a for a in imported.annotations}
    ends = {local: (a["document_id"], a["start"], a["end"]) for local, a in got_by_id.items()}
    for annotation in placed:
        key = (
            annotation["document_id"],
            annotation["start"],
            annotation["end"],
            annotation["label"],
        )
        back = got[key]
        assert back["kind"] == annotation["kind"]
        assert back["entity_id"] == annotation["entity_id"]
        attributes = json.loads(json.dumps(annotation["attributes"]))
        speaker = attributes.get("speaker")
        if speaker:  # the mention comes back as this import's id for it (the store maps it)
            mention = next(a for a in placed if a["id"] == speaker["annotation_id"])
            speaker["annotation_id"] = next(
                local
                for local, a in got_by_id.items()
                if (a["document_id"], a["start"], a["end"])
                == (mention["document_id"], mention["start"], mention["end"])
            )
        assert back["attributes"] == attributes
    relations = sorted((ends[r["from"]], ends[r["to"]], r["type"]) for r in imported.relations)
    by_id = {a["id"]: (a["document_id"], a["start"], a["end"]) for a in snapshot["annotations"]}
    expected = sorted(
        (by_id[r["from"]], by_id[r["to"]], r["type"])
        for r in snapshot["relations"]
        if r["from"] in {a["id"] for a in placed} and r["to"] in {a["id"] for a in placed}
    )
    assert relations == expected  # said_by in one file, contradicts/same_claim across files


def test_brat_wikidata_normalisations_become_registry_entities(tmp_path):
    """A brat project normalised to Wikidata (no newsmark ids) keeps its links: one entity per
    item, named by the N line, with the item as external id; other databases are said."""
    (tmp_path / "doc.txt").write_text("Paris and Paris again, said Jane.\n", encoding="utf-8")
    (tmp_path / "doc.ann").write_text(
        "T1\tGPE 0 5\tParis\nT2\tGPE 10 15\tParis\nT3\tPERSON 28 32\tJane\n"
        "N1\tReference T1 Wikidata:Q90\tParis\nN2\tReference T2 Wikidata:Q90\tParis\n"
        "N3\tReference T3 GeoNames:123\tJane\n",
        encoding="utf-8",
    )
    imported = read_brat(tmp_path)
    links = [a["entity_id"] for a in imported.annotations]
    assert links[0] == links[1] == "wikidata:Q90" and links[2] is None
    assert {(e["name"], e["type"], e["external_id"]) for e in imported.entities} == {
        ("Paris", "GPE", "Q90")
    }
    assert any("GeoNames:123 not kept" in warning for warning in imported.warnings)
