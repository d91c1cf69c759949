"""W3C export: every annotation passes the W3C 'musts' assertions; offsets in both units."""

import inspect
import io
import json
import re
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

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


def _export(snapshot=None):
    out = io.BytesIO()
    report = export_w3c(snapshot or sample_snapshot(), out)
    return json.loads(out.getvalue()), report


def test_all_must_assertions_are_loaded():
    assert len(VALIDATORS) == len(MUSTS) > 50
    for name in MUSTS:
        assert json.loads((W3C / name).read_text())["expectedResult"] == "valid"


@pytest.mark.parametrize("name", ["sample", "awkward"])
def test_every_annotation_passes_every_must_assertion(name, awkward):
    collection, _ = _export(awkward if name == "awkward" else None)
    items = collection["first"]["items"]
    assert len(items) == (10 if name == "sample" else 17)  # spans + relations
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


def test_positions_are_code_points_even_after_astral_characters(awkward):
    """Issue 10 #3: --offsets utf16 wrote UTF-16 units into TextPositionSelector unmarked."""
    texts = {d["id"]: d["text"] for d in awkward["documents"]}
    collection, _ = _export(awkward)
    checked = 0
    for item in collection["first"]["items"]:
        target = item["target"]
        if not isinstance(target, dict):
            continue
        document_id = next(d for d in texts if target["source"].endswith(quote(d, safe="")))
        quote_selector, position = target["selector"]
        assert texts[document_id][position["start"] : position["end"]] == quote_selector["exact"]
        checked += 1
    assert checked == 12


def test_collection_and_page_have_ids(awkward):
    """Issue 10 #3: the W3C suite's collection checks (5.1, 5.2) need ids on both."""
    collection, _ = _export(awkward)
    page = collection["first"]

    def valid(instance, name, definition):
        schema = {"$ref": f"{name}.json#/definitions/{definition}"}
        return Draft4Validator(schema, registry=REGISTRY, format_checker=CHECKER).is_valid(instance)

    assert valid(collection, "id", "idValueFound") and valid(page, "id", "idValueFound")
    assert valid(collection["type"], "collections", "annotationCollectionTypeValueRecognized")
    assert valid(page["type"], "collections", "annotationPageTypeValueRecognized")
    assert page["partOf"] == collection["id"] and collection["id"] != page["id"]
    assert "offsets" not in inspect.signature(export_w3c).parameters


def test_entity_links_and_registry_relations_name_the_registry_entity(awkward):
    """Issue 8: entity links are SpecificResource bodies with the registry id; relations link."""
    collection, report = _export(awkward)
    items = collection["first"]["items"]
    acme = "urn:newsmark:entity:0b7c1a1e-0000-4000-8000-000000000001"
    linked = [i for i in items if any(b.get("source") == acme for b in i["body"])]
    assert linked and all(
        b["type"] == "SpecificResource"
        for i in linked
        for b in i["body"]
        if b.get("source") == acme
    )
    relations = [i for i in items if i["motivation"] == "linking"]
    kinds = sorted(i["body"][1]["value"] for i in relations)
    assert kinds == ["contradicts", "said_by", "said_by", "same_claim", "same_entity"]
    assert any(i["body"][0]["source"] == acme for i in relations)  # to a registry entity
    assert (
        report.not_carried[
            "relations with an end that is not an exported span (orphan or suggestion)"
        ]
        == 1
    )


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
