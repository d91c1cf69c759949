"""Two annotators' small databases over one text, shared by the agreement, merge and adjudication tests."""

from __future__ import annotations

from pathlib import Path

from tui.store import Store

TEXT = "Alice met Bob in Paris ."  # tokens: Alice met Bob in Paris .


def make_db(path: Path, spans, claims=(), relate=False) -> Path:
    with Store.open(path, annotator=path.stem) as store:
        store.upsert_document("d1", text=TEXT)
        store.upsert_document("d2", text="Nobody said anything.")
        made = []
        for label, start, end in spans:
            made.append(store.add_annotation("d1", "entity", label, start, end))
        for start, end, ctype, stance in claims:
            made.append(
                store.add_annotation(
                    "d1", "claim", "CLAIM", start, end, attributes={"type": ctype, "stance": stance}
                )
            )
        if relate:
            store.add_relation(made[0]["id"], made[1]["id"], "same_claim")
    return path


ALICE, BOB, PARIS = (0, 5), (10, 13), (17, 22)


def make_pair(tmp_path: Path) -> tuple[Path, Path]:
    """alice: PERSON Alice, PERSON Bob, GPE Paris, a claim; bob: PERSON Alice, ORG Bob, PERSON Ali, a shorter claim."""
    a = make_db(
        tmp_path / "alice.json",
        [("PERSON", *ALICE), ("PERSON", *BOB), ("GPE", *PARIS)],
        claims=[(0, 13, "assertion", "supported")],
    )
    b = make_db(
        tmp_path / "bob.json",
        [("PERSON", *ALICE), ("ORG", *BOB), ("PERSON", 0, 3)],  # the last overlaps Alice
        claims=[(0, 9, "assertion", "disputed")],
    )
    return a, b
