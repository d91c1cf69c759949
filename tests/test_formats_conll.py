"""CoNLL-2003 export: BIO tags line up with the mentions; what BIO cannot hold is counted."""

import io

from tui.formats.conll import export_conll, tokens
from tui.formats.sample import sample_snapshot


def _export(snapshot=None):
    out = io.BytesIO()
    report = export_conll(snapshot or sample_snapshot(), out)
    return out.getvalue().decode("utf-8"), report


def _entities(conll: str) -> list[tuple[str, str]]:
    """Decode BIO back into (text, label) runs, as a CoNLL reader would."""
    found, current = [], None
    for line in conll.splitlines():
        columns = line.split()
        tag = columns[3] if len(columns) == 4 and columns[0] != "-DOCSTART-" else "O"
        if tag.startswith("B-") or tag == "O" or (current and tag[2:] != current[1]):
            if current:
                found.append((" ".join(current[0]), current[1]))
            current = [[columns[0]], tag[2:]] if tag != "O" else None
        else:
            current[0].append(columns[0])
    if current:
        found.append((" ".join(current[0]), current[1]))
    return found


def test_bio_tags_decode_to_the_flat_mentions():
    conll, report = _export()
    assert _entities(conll) == [
        ("Li Wei", "PERSON"),
        ("Cyberspace Administration", "ORG"),
        ("Beijing", "GPE"),
        ("🚀 rocket team", "ORG"),
        ("New York Times", "ORG"),
        ("Li Wei", "PERSON"),
    ]
    assert report.annotations == 6


def test_document_and_sentence_layout():
    conll, _ = _export()
    assert conll.count("-DOCSTART- -X- -X- O\n\n") == 2
    lines = conll.splitlines()
    assert all(len(line.split()) == 4 for line in lines if line)
    assert "\n\n\n" not in conll.rstrip("\n")
    # Sentences end after final punctuation and at line breaks.
    assert "quickly -X- -X- O\n. -X- -X- O\n\nBeijing" in conll
    assert "launched -X- -X- O\n\nLi -X- -X- B-PERSON" in conll


def test_losses_are_counted():
    _, report = _export()
    lost = report.not_carried
    assert lost["claims (CoNLL carries flat entities only)"] == 1
    assert lost["claim attribute sets (speaker, cue, type, stance, note)"] == 1
    assert lost["overlapping or nested entity mentions (BIO is flat)"] == 1
    assert lost["relations (CoNLL has no links)"] == 2


def test_mentions_inside_words_split_the_word():
    snapshot = {
        "documents": [{"id": "d", "text": "Pro-Beijing groups, spaced  label."}],
        "annotations": [
            {
                "id": "a",
                "document_id": "d",
                "kind": "entity",
                "label": "GPE",
                "start": 4,
                "end": 11,
            },
            {
                "id": "b",
                "document_id": "d",
                "kind": "entity",
                "label": "my label",
                "start": 20,
                "end": 33,
            },
        ],
    }
    conll, report = _export(snapshot)
    assert "Pro- -X- -X- O\nBeijing -X- -X- B-GPE\ngroups -X- -X- O" in conll
    assert "spaced -X- -X- B-my_label\nlabel -X- -X- I-my_label" in conll
    assert report.annotations == 2
    assert tokens("abcdef", {2, 4}) == [(0, 2), (2, 4), (4, 6)]


class _CountedSet(set):
    """A set that counts how often it is walked through."""

    walks = 0

    def __iter__(self):
        type(self).walks += 1
        return super().__iter__()


def test_boundaries_are_walked_once_not_once_per_token():
    """Scanning every boundary for every token was quadratic: 1 s for one long annotated article."""
    text = "Angela Merkel met Xi Jinping in Berlin. " * 50
    starts = [i for i in range(len(text)) if text.startswith("Merkel", i)]
    boundaries = _CountedSet({s for s in starts} | {s + 4 for s in starts})  # "Merk|el"
    spans = tokens(text, boundaries)
    assert _CountedSet.walks <= 2
    assert (starts[0], starts[0] + 4) in spans and (starts[0] + 4, starts[0] + 6) in spans
    assert [text[s:e] for s, e in spans[:5]] == ["Angela", "Merk", "el", "met", "Xi"]
