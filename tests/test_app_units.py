"""Pure pieces of the app: keymap parsing, blocks from the cleaner, spans, search, claim records."""

from pathlib import Path

import pytest

from tui.app.blocks import build_blocks, header_line
from tui.app.modals.claim_editor import ClaimAttributes, Speaker
from tui.app.spans import ArticleMarks, label_styles
from tui.app.widgets.reader_search import find
from tui.cleaning import clean
from tui.keymap import KeymapError, load_keymap, parse_keymap
from tui.text import word_count

SEED = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))[0]


def test_keymap_accepts_strings_and_lists():
    keymap = parse_keymap('[keymap]\n"reader.claim" = "C"\n"app.quit" = ["q", "ctrl+q"]\n')
    assert keymap == {"reader.claim": "C", "app.quit": "q,ctrl+q"}


def test_keymap_errors_say_how_to_fix(tmp_path):
    with pytest.raises(KeymapError, match="not valid TOML"):
        parse_keymap("[keymap\n")
    with pytest.raises(KeymapError, match="must be a key string"):
        parse_keymap('[keymap]\n"app.quit" = 3\n')
    assert load_keymap(tmp_path / "missing.toml") == {}


def test_blocks_cover_clean_text_exactly():
    raw = SEED.read_text(encoding="utf-8")
    cleaned = clean(raw)
    blocks = build_blocks(cleaned, raw)
    assert blocks[0].kind == "title" and blocks[0].text == cleaned.title
    assert blocks[1].kind == "header" and blocks[1].start is None
    for block in blocks:
        if block.start is not None:
            assert cleaned.text[block.start : block.start + len(block.text)] == block.text
    content = [b for b in blocks if b.kind == "content"]
    assert content and all(b.raw_line for b in content)
    assert not any(b.kind == "dropped" for b in blocks)


def test_boilerplate_view_shows_dropped_lines_with_reasons_in_raw_order():
    raw = SEED.read_text(encoding="utf-8")
    cleaned = clean(raw)
    blocks = build_blocks(cleaned, raw, show_dropped=True)
    dropped = [b for b in blocks if b.kind == "dropped"]
    assert dropped and all(b.note for b in dropped)
    lines = [b.raw_line for b in blocks if b.raw_line is not None]
    assert lines == sorted(lines)
    dropped_numbers = {
        line.number
        for line in cleaned.lines
        if line.text_start is None and line.decision == "boilerplate"
    }
    assert {b.raw_line for b in dropped} == dropped_numbers


def test_a_page_with_every_line_dropped_says_how_to_see_them():
    raw = "Home\nNews\nContact\n"
    cleaned = clean(raw)
    assert cleaned.text == ""
    hint = [b.text for b in build_blocks(cleaned, raw) if b.kind == "header"]
    assert "dropped all 3 lines" in hint[-1] and "Press z" in hint[-1]
    shown = build_blocks(cleaned, raw, show_dropped=True)
    assert not any("Press z" in b.text for b in shown)  # the lines themselves are shown
    yours = clean(raw, {2: "boilerplate"})
    notes = {b.raw_line: b.note for b in build_blocks(yours, raw, show_dropped=True)}
    assert notes[2] == "dropped by you"


def test_header_word_count_is_the_library_count():
    # The library said 306 words and the reader 308 for the same seed (dashes counted as words).
    raw = "Title line here\n\nHuobi — the exchange – joined (BSN) today, says Lin.\n"
    cleaned = clean(raw)
    header = build_blocks(cleaned, raw)[1].text
    assert header.endswith(f"{word_count(cleaned.body)} words")


def test_header_line_lists_what_is_known():
    assert (
        header_line({"date": "2019-11-01", "author": None}, {"source": "x.com"}, 12)
        == "2019-11-01 · x.com · 12 words"
    )


def test_header_line_prefers_the_documents_own_metadata():
    # extra is the document's (HTML head, JSONL fields), meta the cleaner's guesses from the text
    header = header_line({"date": "2021-03-03", "author": "Max Muster"}, {"date": "2019-11-12"})
    assert header == "2019-11-12 · Max Muster"


def test_spans_skip_orphans_and_style_claims_apart():
    labels = [
        {"name": "ORG", "kind": "entity", "color": "red"},
        {"name": "CLAIM", "kind": "claim", "color": "blue"},
    ]
    styles = label_styles(labels)
    assert styles["ORG"] != styles["CLAIM"] and "underline" in styles["CLAIM"]
    anns = [
        {"id": "a", "start": 0, "end": 3, "label": "ORG", "kind": "entity", "state": "ok"},
        {"id": "b", "start": 0, "end": 9, "label": "CLAIM", "kind": "claim", "state": "ok"},
        {"id": "c", "start": 4, "end": 6, "label": "ORG", "kind": "entity", "state": "orphaned"},
    ]
    marks = ArticleMarks(labels, anns)
    assert [s.id for s in marks.spans()] == ["b", "a"]  # text order, outer first


def test_marks_apply_one_change_in_text_order():
    labels = [{"name": "ORG", "kind": "entity"}, {"name": "PERSON", "kind": "entity"}]

    def ann(id, start, end, label="ORG"):
        return {"id": id, "start": start, "end": end, "label": label, "kind": "entity"}

    marks = ArticleMarks(labels, [ann("a", 0, 3), ann("b", 10, 30), ann("c", 12, 14)])
    old, new = marks.apply(ann("d", 11, 13))
    assert old is None and new is not None and new.id == "d"
    assert [a["id"] for a in marks.annotations] == ["a", "b", "d", "c"]
    old, new = marks.apply(ann("c", 12, 14, "PERSON"))  # relabel: same place, new span
    assert old.label == "ORG" and new.label == "PERSON"
    assert (
        marks.innermost(11)["id"] == "d"
        and marks.innermost(13)["id"] == "c"
        and marks.innermost(20)["id"] == "b"
    )
    assert [a["id"] for a in marks.overlapping(29, 40)] == ["b"]
    assert marks.apply(ann("b", 10, 30), removed=True)[1] is None
    assert [a["id"] for a in marks.annotations] == ["a", "d", "c"] and marks.innermost(20) is None


def test_find_wraps_and_keeps_offsets():
    text = "Straße a STRASSE b straße"
    assert find(text, "straße", 1) == 19
    assert find(text, "straße", 20) == 0
    assert find(text, "nope", 0) is None
    assert find("abc abc", "ABC", 5, backwards=True) == 0
    assert find("abc abc", "ABC", 1, backwards=True) == 4


def test_claim_attributes_round_trip():
    attributes = ClaimAttributes(
        Speaker("Lin Yunan", None, "ann-1"), "direct quote", "disputed", "check"
    )
    record = attributes.to_record()
    assert record["speaker"] == {"text": "Lin Yunan", "entity_id": None, "annotation_id": "ann-1"}
    assert ClaimAttributes.from_record(record) == attributes
    assert ClaimAttributes.from_record({"speaker": "Xi", "type": "bogus"}).type == "direct quote"


def test_keymap_file_location_follows_the_environment(tmp_path, monkeypatch):
    from tui.keymap import default_path

    config = tmp_path / "keys.toml"
    config.write_text('[keymap]\n"reader.edit" = "e,enter"\n', encoding="utf-8")
    monkeypatch.setenv("NEWSMARK_CONFIG", str(config))
    assert default_path() == config
    assert load_keymap() == {"reader.edit": "e,enter"}
    monkeypatch.delenv("NEWSMARK_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert default_path() == tmp_path / "newsmark" / "keymap.toml"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

LINES = st.lists(
    st.one_of(
        st.text(
            alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"),
            max_size=120,
        ),
        st.sampled_from(
            [
                "Share this article",
                "Related Posts",
                "Leave a Reply",
                "",
                "The minister said the plan would cut costs for every household in the region by March.",
            ]
        ),
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(LINES, st.booleans())
def test_blocks_cover_every_visible_character_once(lines, show_dropped):
    raw = "\n".join(lines)
    cleaned = clean(raw)
    blocks = build_blocks(cleaned, raw, show_dropped=show_dropped)
    covered = [0] * len(cleaned.text)
    for block in blocks:
        if block.start is None:
            continue
        assert cleaned.text[block.start : block.start + len(block.text)] == block.text
        for i in range(block.start, block.start + len(block.text)):
            covered[i] += 1
    assert max(covered, default=0) <= 1
    missing = [c for c, n in zip(cleaned.text, covered, strict=False) if n == 0 and not c.isspace()]
    assert missing == []


def test_panel_never_sends_control_codes_from_labels_or_attributes():
    # Labels come from the database, and `newsmark import` takes them from the imported files.
    from tui.app.widgets.side_panel import AnnotationRow, describe

    evil = "X\x1b]52;c;aGk=\x07Y"
    claim = {
        "id": "a",
        "label": evil,
        "kind": "claim",
        "start": 0,
        "end": 4,
        "exact": "text",
        "state": "orphaned\x1b[2J",
        "attributes": {"type": evil, "stance": evil, "speaker": None},
    }
    rendered = AnnotationRow(claim).text(60).plain + describe(claim, {}).plain
    assert "\x1b" not in rendered and "\x07" not in rendered
    assert "X␛]52;c;aGk=␇Y" in rendered


def test_changing_a_claims_speaker_moves_its_said_by_link(tmp_path):
    from tui import corpus
    from tui.store import Store
    from tui.workspace.session import Session

    entry = next(iter(corpus.index([SEED], None)))
    with Store.open(tmp_path / "db.json", annotator="t") as store:
        session = Session(store, [entry])
        article = session.open_article(entry)
        text = article.text
        people = []
        for name in ("Lin Yunan", "Xinhua"):
            start = text.index(name)
            people.append(
                session.apply_label(
                    article, session.label_for_hotkey("1"), start, start + len(name)
                )
            )
        claim = session.claiming.add_claim(
            article, 0, 20, {"speaker": {"text": "Lin Yunan", "annotation_id": people[0]["id"]}}
        )
        session.claiming.set_claim_attributes(
            claim["id"], {"speaker": {"text": "Xinhua", "annotation_id": people[1]["id"]}}
        )
        assert [(r["from"], r["to"]) for r in store.relations()] == [(claim["id"], people[1]["id"])]
        session.claiming.set_claim_attributes(
            claim["id"], {"speaker": {"text": "someone typed", "annotation_id": None}}
        )
        assert store.relations() == []


def test_claim_type_default_is_a_quote_only_when_words_are_quoted():
    from tui.workspace.session import guess_claim_type

    # the seed sentence that defaulted to "direct quote" because a platform's name is in quotes
    assert (
        guess_claim_type(
            "the testing phase of the “Bay Area Trade Finance Blockchain Platform” aimed at "
            "trade, Cointelegraph reported Sept. 4."
        )
        == "assertion"
    )
    assert (
        guess_claim_type("“The alliance will promote the blockchain platform,” said Lin.")
        == "direct quote"
    )
    assert guess_claim_type('He said "we will build four platforms".') == "direct quote"
    assert guess_claim_type("Officials denied it.") == "assertion"


def test_a_claim_keeps_its_speaker_entity_when_the_mention_is_deleted(tmp_path):
    from tui import corpus
    from tui.app.modals.claim_editor import ClaimAttributes
    from tui.store import Store
    from tui.workspace.session import Session

    entry = next(iter(corpus.index([SEED], None)))
    with Store.open(tmp_path / "db.json", annotator="t") as store:
        session = Session(store, [entry])
        article = session.open_article(entry)
        start = article.text.index("Lin Yunan")
        mention = session.apply_label(article, session.label_for_hotkey("1"), start, start + 9)
        claim = session.claiming.add_claim(
            article, 0, 20, {"speaker": {"text": "Lin Yunan", "annotation_id": mention["id"]}}
        )
        entity_id = store.get_annotation(claim["id"])["attributes"]["speaker"]["entity_id"]
        store.delete_annotation(mention["id"])
        # the editor re-saves what it read back (its speaker list no longer has the mention)
        again = ClaimAttributes.from_record(store.get_annotation(claim["id"])["attributes"])
        session.claiming.set_claim_attributes(claim["id"], again.to_record())
        speaker = store.get_annotation(claim["id"])["attributes"]["speaker"]
        assert speaker == {"text": "Lin Yunan", "entity_id": entity_id, "annotation_id": None}
        assert store.relations() == []


def test_keymap_entry_of_only_commas_is_refused():
    with pytest.raises(KeymapError, match="app.quit"):
        parse_keymap('[keymap]\n"app.quit" = " , ,"\n')


def test_messages_count_in_the_singular_and_the_plural():
    from tui.wording import plural

    assert plural(1, "annotation") + " orphaned" == "1 annotation orphaned"
    assert plural(0, "annotation") == "0 annotations"
    assert plural(2, "entity", "entities") == "2 entities"


def test_occurrence_preview_is_one_line_without_line_break_marks():
    from tui.app.modals.occurrences import hit_prompt
    from tui.workspace.suggestions import Occurrence

    context = "\nIt is believed that the\nalliance will look\n to develop"
    hit = Occurrence("d", "A\ntitle", 30, 38, context, context.index("alliance"))
    plain = hit_prompt(hit, None, True).plain
    assert "␊" not in plain and "\n" not in plain
    assert "It is believed that the alliance will look to develop" in plain
