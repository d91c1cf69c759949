"""The awkward-cases database every format reader test runs on: what breaks other tools' parsers."""

from __future__ import annotations

from typing import Any

from tui.formats.common import Record, Snapshot
from tui.formats.sample import _annotation, _find

# A CRLF file kept as is (brat counts "\r\n" as two characters), with line-break characters that
# str.splitlines() splits on (U+0085, U+2028, U+000C) inside names and a label with a space.
CRLF_TEXT = (
    "Merger called off\r\n\r\n"
    "Acme\x85Corp and Initech\u2028Inc said the merger is off.\r\n"
    "Jose\u0301 Marti\u0301nez of the New York Times wrote it up.\x0c\r\n"
    "Analysts said the deal was never real."
)
# Astral characters (mathematical bold, emoji), a ZWJ family, combining marks, a flag.
ASTRAL_TEXT = (
    "\U0001d400\U0001d401 Holdings \U0001f680 launches\n\n"
    "The \U0001f469\u200d\U0001f4bb team at \U0001d400\U0001d401 Holdings denied the merger "
    "was off, Zoe\u0308 Lee said. \U0001f1e8\U0001f1f3 Beijing stayed silent."
)


def awkward_snapshot() -> Snapshot:
    """Two documents covering every case in issue 10's quality bar, with a registry and relations."""
    crlf: dict[str, Any] = {
        "id": "awkward/crlf.txt",
        "path": "/corpus/awkward/crlf.txt",
        "title": "Merger called off",
        "metadata": {"source": "Wire", "date": "2026-03-01"},
        "text": CRLF_TEXT,
        "status": "in progress",
        "cursor": 12,
    }
    astral: dict[str, Any] = {
        "id": "awkward/astral.txt",
        "path": "/corpus/awkward/astral.txt",
        "title": "\U0001d400\U0001d401 Holdings launches",
        "metadata": {"source": "Daily \U0001f680"},
        "text": ASTRAL_TEXT,
        "status": "done",
        "cursor": None,
    }
    entities: list[Record] = [
        {
            "id": "0b7c1a1e-0000-4000-8000-000000000001",
            "name": "Acme Corp",
            "type": "ORG",
            "aliases": ["Acme\x85Corp"],
            "external_id": "Q1",
            "created": "2026-11-22T03:00:00+00:00",
        },
        {
            "id": "0b7c1a1e-0000-4000-8000-000000000002",
            "name": "Zoë Lee",
            "type": "PERSON",
            "aliases": ["Zoe\u0308 Lee"],
            "external_id": None,
            "created": "2026-11-22T03:00:00+00:00",
        },
    ]
    acme_id, zoe_id = entities[0]["id"], entities[1]["id"]
    t = CRLF_TEXT
    acme = _annotation(crlf, "entity", "ORG", *_find(t, "Acme\x85Corp"), entity_id=acme_id)
    initech = _annotation(crlf, "entity", "ORG", *_find(t, "Initech\u2028Inc"))
    # overlaps the two ORGs partially (not nested)
    pair = _annotation(crlf, "entity", "MISC", *_find(t, "Corp and Initech"))
    jose = _annotation(crlf, "entity", "PERSON", *_find(t, "Jose\u0301 Marti\u0301nez"))
    nyt = _annotation(crlf, "entity", "NEWS OUTLET", *_find(t, "New York Times"))
    york = _annotation(crlf, "entity", "GPE", *_find(t, "New York"))  # nested in nyt
    cue1 = _find(t, "said the merger")
    claim1 = _annotation(
        crlf,
        "claim",
        "CLAIM",
        *_find(t, "the merger is off"),
        attributes={
            "speaker": {"entity_id": acme_id, "text": "Acme\x85Corp", "annotation_id": acme["id"]},
            "cue": {"start": cue1[0], "end": cue1[0] + 4},
            "type": "assertion",
            "stance": "disputed",
            "note": "second source\u2028needed\nsoon",
        },
        source_start=cue1[0] + 5,
        source_end=cue1[0] + 22,
    )
    orphan = _annotation(crlf, "entity", "PERSON", 0, 6, state="orphaned")
    suggestion = _annotation(crlf, "entity", "ORG", *_find(t, "Analysts"), state="suggested")
    a = ASTRAL_TEXT
    holdings = _annotation(astral, "entity", "ORG", *_find(a, "\U0001d400\U0001d401 Holdings"))
    team = _annotation(astral, "entity", "ORG", *_find(a, "\U0001f469\u200d\U0001f4bb team"))
    zoe = _annotation(astral, "entity", "PERSON", *_find(a, "Zoe\u0308 Lee"), entity_id=zoe_id)
    beijing = _annotation(astral, "entity", "GPE", *_find(a, "Beijing"))
    claim2 = _annotation(
        astral,
        "claim",
        "CLAIM",
        *_find(a, "denied the merger was off"),
        attributes={
            "speaker": {"entity_id": zoe_id, "text": "Zoe\u0308 Lee", "annotation_id": zoe["id"]},
            "type": "direct quote",
            "stance": "unverified",
        },
        annotator="bob",
    )

    def relation(number: int, source: Record, target: Record | str, kind: str) -> Record:
        return {
            "id": f"0b7c1a1e-0000-4000-9000-00000000000{number}",
            "from": source["id"],
            "to": target if isinstance(target, str) else target["id"],
            "type": kind,
            "annotator": "alice",
            "created": "2026-11-22T03:00:00+00:00",
        }

    return {
        "meta": [{"schema_version": 1}],
        "documents": [crlf, astral],
        "annotations": [
            acme,
            initech,
            pair,
            jose,
            nyt,
            york,
            claim1,
            orphan,
            suggestion,
            holdings,
            team,
            zoe,
            beijing,
            claim2,
        ],
        "entities": entities,
        "relations": [
            relation(1, claim1, acme, "said_by"),
            relation(2, claim2, zoe, "said_by"),
            relation(3, claim1, claim2, "contradicts"),  # across documents
            relation(4, claim2, claim1, "same_claim"),
            relation(5, claim1, suggestion, "supports"),  # one end not placeable
            relation(6, acme, acme_id, "same_entity"),  # to a registry entity
        ],
        "labels": [
            {"id": "l1", "name": "PERSON", "kind": "entity", "hotkey": "1", "color": "blue"},
            {"id": "l2", "name": "ORG", "kind": "entity", "hotkey": "2", "color": "green"},
            {"id": "l3", "name": "GPE", "kind": "entity", "hotkey": "3", "color": None},
            {"id": "l4", "name": "NEWS OUTLET", "kind": "entity", "hotkey": None, "color": None},
            {"id": "l5", "name": "MISC", "kind": "entity", "hotkey": None, "color": None},
            {"id": "l6", "name": "CLAIM", "kind": "claim", "hotkey": "9", "color": "magenta"},
        ],
    }
