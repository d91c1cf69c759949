"""Hand-made and generated snapshots, shared by the format tests and benchmarks/bench_formats.py."""

from __future__ import annotations

import hashlib
import random
import uuid
from typing import Any

from tui.formats.common import Record, Snapshot

_WORDS = (
    "the ministry said blockchain alliance state backed officials agency in Beijing announced "
    "a new network on Monday and analysts expect more members to join before the end of year"
).split()


def _annotation(
    document: Record, kind: str, label: str, start: int, end: int, **extra: Any
) -> Record:
    text = document["text"]
    record = {
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{document['id']}:{kind}:{label}:{start}:{end}")),
        "document_id": document["id"],
        "kind": kind,
        "label": label,
        "start": start,
        "end": end,
        "exact": text[start:end],
        "prefix": text[max(0, start - 32) : start],
        "suffix": text[end : end + 32],
        "source_start": None,
        "source_end": None,
        "clean_sha256": hashlib.sha256(text.encode()).hexdigest(),
        "attributes": {},
        "entity_id": None,
        "annotator": "alice",
        "created": "2026-11-22T03:00:00+00:00",
        "updated": "2026-11-22T03:00:00+00:00",
        "state": "ok",
    }
    record.update(extra)
    return record


def _find(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def sample_snapshot() -> Snapshot:
    """Two small articles with entities, a claim (speaker, cue, stance), a relation, an astral emoji."""
    doc1: Record = {
        "id": "seeds/alliance.txt",
        "path": "/corpus/seeds/alliance.txt",
        "title": "Alliance launched",
        "metadata": {"date": "2026-01-05", "author": "Wang Fang", "url": "https://example.com/a"},
        "text": "Alliance launched\n\nLi Wei of the Cyberspace Administration said the alliance will "
        "grow quickly. Beijing backs it.",
    }
    doc2: Record = {
        "id": "feed.jsonl#7",
        "path": "/corpus/feed.jsonl",
        "title": "Emoji 🚀 story",
        "metadata": {},
        "text": "Emoji 🚀 story\n\nThe 🚀 rocket team at New York Times met Li Wei. Critics disagree.",
    }
    entities: list[Record] = [
        {
            "id": "ent-li",
            "name": "Li Wei",
            "type": "PERSON",
            "aliases": ["Wei Li"],
            "external_id": "Q123",
        },
        {
            "id": "ent-cac",
            "name": "Cyberspace Administration of China",
            "type": "ORG",
            "aliases": [],
            "external_id": None,
        },
    ]
    t1 = doc1["text"]
    li = _annotation(doc1, "entity", "PERSON", *_find(t1, "Li Wei"), entity_id="ent-li")
    cac = _annotation(
        doc1, "entity", "ORG", *_find(t1, "Cyberspace Administration"), entity_id="ent-cac"
    )
    cue = _find(t1, "said")
    claim = _annotation(
        doc1,
        "claim",
        "CLAIM",
        *_find(t1, "the alliance will grow quickly"),
        attributes={
            "speaker": {"entity_id": "ent-li", "text": "Li Wei"},
            "cue": {"start": cue[0], "end": cue[1]},
            "type": "indirect quote",
            "stance": "unverified",
            "note": "check the\nofficial transcript",
        },
    )
    beijing = _annotation(doc1, "entity", "GPE", *_find(t1, "Beijing"))
    t2 = doc2["text"]
    team = _annotation(doc2, "entity", "ORG", *_find(t2, "🚀 rocket team"))
    nyt = _annotation(doc2, "entity", "ORG", *_find(t2, "New York Times"))
    york = _annotation(doc2, "entity", "GPE", *_find(t2, "New York"))  # overlaps nyt
    li2 = _annotation(doc2, "entity", "PERSON", *_find(t2, "Li Wei"), entity_id="ent-li")
    orphan = _annotation(doc2, "entity", "PERSON", 0, 5, state="orphaned")
    suggestion = _annotation(doc2, "entity", "ORG", *_find(t2, "Critics"), state="suggested")
    return {
        "meta": [{"schema_version": 1}],
        "documents": [doc1, doc2],
        "annotations": [li, cac, claim, beijing, team, nyt, york, li2, orphan, suggestion],
        "entities": entities,
        "relations": [
            {"id": "rel-1", "from": claim["id"], "to": li["id"], "type": "said_by"},
            {"id": "rel-2", "from": li["id"], "to": li2["id"], "type": "same_entity"},
        ],
        "labels": [
            {
                "id": "lab-person",
                "name": "PERSON",
                "kind": "entity",
                "hotkey": "1",
                "color": "blue",
            },
            {"id": "lab-org", "name": "ORG", "kind": "entity", "hotkey": "2", "color": "green"},
            {"id": "lab-gpe", "name": "GPE", "kind": "entity", "hotkey": "3", "color": "yellow"},
            {
                "id": "lab-claim",
                "name": "CLAIM",
                "kind": "claim",
                "hotkey": "9",
                "color": "magenta",
            },
        ],
    }


def generated_snapshot(
    documents: int = 10_000, annotations: int = 100_000, seed: int = 1
) -> Snapshot:
    """A large snapshot (non-overlapping word spans, about 10% claims) for the export benchmarks."""
    rng = random.Random(seed)
    per_document = max(1, annotations // max(1, documents))
    docs, anns = [], []
    for number in range(documents):
        words = [rng.choice(_WORDS) for _ in range(per_document * 4 + 20)]
        text = f"Article {number}\n\n" + " ".join(words) + "."
        document = {
            "id": f"corpus/article-{number:05}.txt",
            "path": "",
            "title": f"Article {number}",
            "metadata": {},
            "text": text,
        }
        docs.append(document)
        starts = []
        position = len(f"Article {number}\n\n")
        for word in words:
            starts.append((position, position + len(word)))
            position += len(word) + 1
        for index in range(per_document):
            start, end = starts[index * 4 + 1]
            if index % 10 == 9:
                anns.append(
                    _annotation(
                        document,
                        "claim",
                        "CLAIM",
                        start,
                        starts[index * 4 + 3][1],
                        attributes={"type": "assertion", "stance": "unverified"},
                    )
                )
            else:
                anns.append(
                    _annotation(
                        document, "entity", rng.choice(("PERSON", "ORG", "GPE")), start, end
                    )
                )
    return {"documents": docs, "annotations": anns, "entities": [], "relations": [], "labels": []}
