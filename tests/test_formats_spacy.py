"""spaCy DocBin export (optional extra): entities, span groups, misaligned spans counted."""

import io
import subprocess
import sys

import pytest

from tui.formats.sample import sample_snapshot


def test_missing_spacy_says_how_to_install():
    code = (
        "import sys; sys.modules['spacy'] = None\n"
        "from tui.formats.spacy_docbin import export_spacy, SpacyMissing\n"
        "import io\n"
        "try:\n    export_spacy({}, io.BytesIO())\nexcept SpacyMissing as e:\n    print(e)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "spaCy is not installed: pip install 'newsmark[spacy]'"


def test_docbin_carries_entities_spans_and_metadata():
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    from tui.formats.spacy_docbin import TOKEN_ATTRS, export_spacy

    snapshot = sample_snapshot()
    # A span that cuts a token in two cannot be placed on spaCy tokens.
    misaligned = dict(snapshot["annotations"][0], id="cut", start=19, end=23)
    snapshot["annotations"].append(misaligned)
    out = io.BytesIO()
    report = export_spacy(snapshot, out)
    docs = list(DocBin().from_bytes(out.getvalue()).get_docs(spacy.blank("en").vocab))
    assert [doc.user_data["newsmark"]["document"]["id"] for doc in docs] == [
        "seeds/alliance.txt",
        "feed.jsonl#7",
    ]
    first, second = docs
    assert [(e.text, e.label_) for e in first.ents] == [
        ("Li Wei", "PERSON"),
        ("Cyberspace Administration", "ORG"),
        ("Beijing", "GPE"),
    ]
    assert [(s.text, s.label_) for s in first.spans["claims"]] == [
        ("the alliance will grow quickly", "CLAIM")
    ]
    claim = next(r for r in first.user_data["newsmark"]["annotations"] if r["kind"] == "claim")
    assert claim["attributes"]["stance"] == "unverified"
    assert ("New York", "GPE") in [(s.text, s.label_) for s in second.spans["sc"]]
    assert ("New York", "GPE") not in [(e.text, e.label_) for e in second.ents]
    lost = report.not_carried
    assert lost["spans not on spaCy token boundaries (misaligned with spacy.blank tokens)"] == 1
    assert lost["overlapping entity mentions left out of doc.ents (still in doc.spans['sc'])"] == 1
    assert report.annotations == 8 and report.relations == 1
    # only what blank tokens carry: the default's empty TAG/HEAD/DEP/LEMMA/MORPH/POS columns
    # doubled the memory of a large export
    from spacy.attrs import IDS

    stored = {IDS[name] for name in ("ORTH", "SPACY", *TOKEN_ATTRS)}
    assert set(DocBin().from_bytes(out.getvalue()).attrs) <= stored
