"""W3C export: every annotation passes the W3C 'musts' assertions; offsets in both units."""

import io
import json
import re
from datetime import datetime
from pathlib import Path

import pytest
from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from tui.formats.sample import sample_snapshot
from tui.formats.w3c import export_w3c

W3C = Path(__file__).parent / "data" / "w3c"
MUSTS = json.loads((W3C / "annotations" / "annotationMusts.test").read_text())["assertions"]


def _registry() -> Registry:
    resources = []
    for path in sorted(W3C.rglob("*.json")):
        schema = json.loads(path.read_text())
        resources.append(
            (
                schema.get("id", path.name),
                Resource.from_contents(schema, default_specification=DRAFT4),
            )
        )
    return Registry().with_resources(resources)


def _format_checker() -> FormatChecker:
    """Real checks for the two formats the assertions use (jsonschema skips them without extras)."""
    checker = FormatChecker(formats=())

    @checker.checks("date-time")
    def date_time(value: object) -> bool:
        if not isinstance(value, str) or not re.match(
            r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$", value
        ):
            return False
        datetime.fromisoformat(value.replace("Z", "+00:00"))
        return True

    @checker.checks("uri")
    def uri(value: object) -> bool:
        return (
            isinstance(value, str) and re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$", value) is not None
        )

    return checker


REGISTRY = _registry()
CHECKER = _format_checker()
VALIDATORS = {
    name: Draft4Validator(
        json.loads((W3C / name).read_text()), registry=REGISTRY, format_checker=CHECKER
    )
    for name in MUSTS
}


def _export(offsets="codepoint"):
    out = io.BytesIO()
    report = export_w3c(sample_snapshot(), out, offsets=offsets)
    return json.loads(out.getvalue()), report


def test_all_must_assertions_are_loaded():
    assert len(VALIDATORS) == len(MUSTS) > 50
    for name in MUSTS:
        assert json.loads((W3C / name).read_text())["expectedResult"] == "valid"


@pytest.mark.parametrize("offsets", ["codepoint", "utf16"])
def test_every_annotation_passes_every_must_assertion(offsets):
    collection, _ = _export(offsets)
    items = collection["first"]["items"]
    assert len(items) == 10  # 8 spans + 2 relations
    failures = [
        (item["id"], name, error.message)
        for item in items
        for name, validator in VALIDATORS.items()
        for error in validator.iter_errors(item)
    ]
    assert failures == []


def test_the_assertions_do_reject_a_broken_annotation():
    collection, _ = _export()
    broken = dict(collection["first"]["items"][0])
    broken["@context"] = "http://example.com/not-anno"
    broken["created"] = "yesterday"
    failing = {name for name, validator in VALIDATORS.items() if not validator.is_valid(broken)}
    assert "annotations/3.1-annotationContextValidated.json" in failing
    assert "annotations/3.3.1-annotationCreatedValidated.json" in failing


def test_selectors_quote_and_position_agree():
    snapshot = sample_snapshot()
    texts = {d["id"]: d["text"] for d in snapshot["documents"]}
    collection, report = _export()
    spans = [i for i in collection["first"]["items"] if i["motivation"] != "linking"]
    for item in spans:
        document_id = next(
            d
            for d in texts
            if item["target"]["source"].endswith(d.replace("/", "%2F").replace("#", "%23"))
        )
        quote, position = item["target"]["selector"]
        assert texts[document_id][position["start"] : position["end"]] == quote["exact"]
    assert report.annotations == 8 and report.relations == 2
    assert (
        report.not_carried["orphaned annotations (no reliable position; kept in native json)"] == 1
    )


def test_utf16_offsets_count_astral_characters_twice():
    codepoint, _ = _export("codepoint")
    utf16, _ = _export("utf16")

    def positions(collection, exact):
        for item in collection["first"]["items"]:
            target = item["target"]
            if isinstance(target, dict) and target["selector"][0]["exact"] == exact:
                return target["selector"][1]["start"], target["selector"][1]["end"]

    # "🚀 rocket team" follows "Emoji 🚀 story\n\nThe ": one astral char before, one inside.
    start, end = positions(codepoint, "🚀 rocket team")
    assert positions(utf16, "🚀 rocket team") == (start + 1, end + 2)
    text = sample_snapshot()["documents"][1]["text"]
    assert (
        text.encode("utf-16-le")[2 * (start + 1) : 2 * (end + 2)].decode("utf-16-le")
        == "🚀 rocket team"
    )
    # Text before any astral character keeps its offsets.
    assert positions(utf16, "Li Wei") == positions(codepoint, "Li Wei")


def test_claim_attributes_become_bodies_with_purposes():
    collection, _ = _export()
    claim = next(i for i in collection["first"]["items"] if i["motivation"] == "tagging")
    purposes = {body.get("purpose"): body for body in claim["body"]}
    assert purposes["classifying"]["value"] == "claim type: indirect quote"
    assert purposes["assessing"]["value"] == "unverified"
    assert purposes["commenting"]["value"] == "check the\nofficial transcript"
    cue = next(b for b in claim["body"] if "selector" in b)
    assert cue["selector"][0]["exact"] == "said"
    linking = [i for i in collection["first"]["items"] if i["motivation"] == "linking"]
    assert {tuple(b.get("value", "") for b in i["body"])[1] for i in linking} == {
        "said_by",
        "same_entity",
    }
