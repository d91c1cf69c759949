"""Annotations stay on their words when the clean text changes, or are reported orphaned."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tui.store import Store
from tui.store.anchoring import DiffMap, reanchor, search
from tui.store.records import CONTEXT, quote, sha256_text

WORDS = [
    "alliance",
    "Beijing",
    "chain",
    "said",
    "the",
    "of",
    "network",
    "Zhang",
    "2020",
    "BSN",
    "state",
    "é",
    "数字",
    "😀",
    "-",
    ",",
]
# News text rarely repeats 30-character stretches; for edits inside spans, where only the
# quote's context can place them, texts without repeated words keep the cases realistic.
MORE = WORDS + [
    "ministry",
    "official",
    "blockchain",
    "Xinhua",
    "reported",
    "Monday",
    "in",
    "a",
    "to",
    "was",
    "Conflux",
    "RMB",
    "billion",
    "pilot",
    "zone",
    "Shanghai",
    "launch",
    "its",
    "new",
    "platform",
]
PROPS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def ann(text: str, start: int, end: int, **extra) -> dict:
    return {
        "id": f"{start}-{end}",
        "start": start,
        "end": end,
        "clean_sha256": sha256_text(text),
        "state": "ok",
        **quote(text, start, end),
        **extra,
    }


@st.composite
def texts(draw, vocabulary=tuple(WORDS), unique=False):
    words = draw(st.lists(st.sampled_from(vocabulary), min_size=8, max_size=40, unique=unique))
    return " ".join(words)


@st.composite
def text_span_edit(draw, inside: bool):
    text = draw(texts(tuple(MORE), unique=True) if inside else texts())
    start = draw(st.integers(0, len(text) - 2))
    end = draw(st.integers(start + 1, min(len(text), start + 30)))
    if inside:
        a = draw(st.integers(start, end - 1))
        b = draw(st.integers(a, end))
    else:
        before = draw(st.booleans()) and start > 0
        if before:
            a = draw(st.integers(0, start - 1))
            b = draw(st.integers(a, start - 1))
        else:
            assume(end < len(text))
            a = draw(st.integers(end + 1, len(text)))
            b = draw(st.integers(a, len(text)))
    insert = draw(st.text(alphabet="xyz Q数", max_size=8))
    return text, start, end, a, b, insert


@PROPS
@given(text_span_edit(inside=False))
def test_edits_outside_keep_the_span_on_its_words(case):
    text, start, end, a, b, insert = case
    new = text[:a] + insert + text[b:]
    assume(new != text)
    [(record, placement, changes)] = reanchor([ann(text, start, end)], text, new)
    assert placement.method == "diff"
    s, e = changes["start"], changes["end"]
    assert new[s:e] == text[start:end]
    expected = start if a >= end else start + len(insert) - (b - a)
    # repetitive text can make two alignments equally good; the quote must match either way
    assert abs(s - expected) <= len(insert) + (b - a)
    if text.count(text[start:end]) == 1 and new.count(text[start:end]) == 1:
        assert s == expected


@PROPS
@given(text_span_edit(inside=True))
def test_edits_inside_never_place_on_wrong_text(case):
    text, start, end, a, b, insert = case
    new = text[:a] + insert + text[b:]
    [(record, placement, changes)] = reanchor([ann(text, start, end)], text, new)
    if placement.method == "orphaned":
        assert changes == {"state": "orphaned"}
    else:
        s, e = changes["start"], changes["end"]
        assert changes["exact"] == new[s:e]
        # whatever was found resembles what was annotated and sits near where it was
        assert s <= a + len(insert) + CONTEXT and e >= a - CONTEXT


@PROPS
@given(texts(), st.data())
def test_search_without_old_text_finds_unique_quotes(text, data):
    start = data.draw(st.integers(0, len(text) - 5))
    end = data.draw(st.integers(start + 4, min(len(text), start + 40)))
    quote = text[start:end]
    assume(text.find(quote, text.find(quote) + 1) == -1)  # count() misses overlapping repeats
    prefix = data.draw(st.text(alphabet="abc \n", max_size=20))
    placed = search(ann(text, start, end), prefix + text, hint=start)
    assert placed.method == "exact"
    assert (placed.start, placed.end) == (start + len(prefix), end + len(prefix))


def test_diffmap_positions():
    d = DiffMap("hello world", "hello brave world")
    assert d.position(0) == 0 and d.position(6) == 12
    assert d.span(6, 11) == (12, 17)
    assert DiffMap("abcdef", "abef").span(1, 4) is None


def test_ambiguous_quote_is_disambiguated_by_context():
    old = "Zhang said yes. Later, Li said no."
    a = ann(old, 23, 32)  # "Li said n" -> take "said" in the second sentence
    a = ann(old, 26, 30)
    new = "Zhang said yes. Much later, Li said no."
    placed = search(a, new, hint=0)
    assert (placed.method, new[placed.start : placed.end], placed.start) == ("exact", "said", 31)


def test_repeated_quote_without_context_is_orphaned_not_guessed():
    old = "the the the the"
    a = ann(old, 4, 7)
    new = "xx the yy the zz the"
    placed = search(a, new, hint=4)
    assert placed.method == "orphaned"


def test_fuzzy_match_after_small_edit_inside_a_long_quote():
    old = "Officials from the State Information Center announced the network on Monday."
    s = old.index("State Information Center")
    a = ann(old, s, s + len("State Information Center"))
    new = "Officials from the State Informations Centre announced the network on Monday."
    [(_, placement, changes)] = reanchor([a], None, new)  # old text unknown: search only
    assert placement.method == "fuzzy"
    assert changes["exact"] == "State Informations Centre"


def test_deleted_quote_is_orphaned():
    old = "Beijing backs the network. Zhang Wei spoke. End."
    s = old.index("Zhang Wei")
    new = "Beijing backs the network. End."
    [(_, placement, changes)] = reanchor([ann(old, s, s + 9)], old, new)
    assert placement.method == "orphaned" and changes == {"state": "orphaned"}


def test_store_upsert_reanchors_as_one_undo_step(tmp_path):
    with Store.open(tmp_path / "db.json") as store:
        old = "Beijing backs the BSN. Zhang Wei spoke."
        store.upsert_document("d", text=old, raw_sha256="r")
        keep = store.add_annotation("d", "entity", "PERSON", 23, 32, source_start=23, source_end=32)
        gone = store.add_annotation("d", "entity", "ORG", 18, 21)
        new = "Share this! Beijing backs the network. Zhang Wei spoke."
        report = store.upsert_document(
            "d", text=new, raw_sha256="r", source_span=lambda s, e: (s + 100, e + 100)
        )
        assert (
            report["text_changed"] and report["moved"] == 1 and report["orphaned"] == [gone["id"]]
        )
        moved = store.get_annotation(keep["id"])
        assert new[moved["start"] : moved["end"]] == "Zhang Wei"
        assert (moved["source_start"], moved["source_end"]) == (
            moved["start"] + 100,
            moved["end"] + 100,
        )
        assert moved["clean_sha256"] == sha256_text(new)
        orphan = store.get_annotation(gone["id"])
        assert orphan["state"] == "orphaned" and orphan["exact"] == "BSN" and orphan["start"] == 18
        assert store.orphans() == [orphan]
        store.undo()
        assert store.get_document("d")["text"] == old
        assert store.get_annotation(keep["id"]) == keep
        assert store.get_annotation(gone["id"])["state"] == "ok"
        # re-placing an orphan by hand clears the state
        store.redo()
        fixed = store.update_annotation(
            gone["id"], start=new.index("network"), end=new.index("network") + 7
        )
        assert fixed["state"] == "ok" and fixed["exact"] == "network"


@pytest.mark.parametrize("raw_changed", [False, True])
def test_source_offsets_dropped_only_when_raw_file_changed(tmp_path, raw_changed):
    with Store.open(tmp_path / "db.json") as store:
        store.upsert_document("d", text="Alpha beta gamma.", raw_sha256="r1")
        a = store.add_annotation("d", "entity", "ORG", 6, 10, source_start=40, source_end=44)
        store.upsert_document(
            "d", text="Intro. Alpha beta gamma.", raw_sha256="r2" if raw_changed else "r1"
        )
        got = store.get_annotation(a["id"])
        assert got["exact"] == "beta"
        assert (got["source_start"] is None) == raw_changed
