"""CoNLL through seqeval, spaCy DocBin through spaCy, the database through jsonschema: awkward data."""

from __future__ import annotations

import io
import json

import pytest

from tui.formats.conll import export_conll


def _conll_sentences(content: str) -> list[list[tuple[str, str]]]:
    sentences, current = [], []
    for line in content.split("\n"):
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        columns = line.split(" ")
        if columns[0] == "-DOCSTART-":
            continue
        current.append((columns[0], columns[-1]))
    return sentences


def test_conll_tokens_keep_grapheme_clusters_and_seqeval_reads_the_mentions(awkward):
    """Issue 10 #6: 'Jose\\u0301' was cut into 'Jose' and a lone combining mark."""
    from seqeval.metrics.sequence_labeling import get_entities

    out = io.BytesIO()
    report = export_conll(awkward, out)
    content = out.getvalue().decode("utf-8")
    sentences = _conll_sentences(content)
    tokens = [token for sentence in sentences for token, _ in sentence]
    assert "Jose\u0301" in tokens and "Zoe\u0308" in tokens
    assert "\U0001f469\u200d\U0001f4bb" in tokens  # the ZWJ sequence is one token
    assert not any(token[0] in "\u0301\u0308\u200d" for token in tokens)
    found = []
    for sentence in sentences:
        words = [token for token, _ in sentence]
        for label, start, end in get_entities([tag for _, tag in sentence]):
            found.append((label, " ".join(words[start : end + 1])))
    assert ("PERSON", "Jose\u0301 Marti\u0301nez") in found
    assert ("NEWS_OUTLET", "New York Times") in found
    assert ("PERSON", "Zoe\u0308 Lee") in found
    assert len(found) == report.annotations
    assert report.not_carried["overlapping or nested entity mentions (BIO is flat)"] == 2


def test_spacy_docbin_reads_the_awkward_documents(awkward):
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    from tui.formats.spacy_docbin import export_spacy

    out = io.BytesIO()
    report = export_spacy(awkward, out)
    docs = list(DocBin().from_bytes(out.getvalue()).get_docs(spacy.blank("en").vocab))
    assert [doc.text for doc in docs] == [d["text"] for d in awkward["documents"]]
    spans = [(s.text, s.label_) for doc in docs for s in doc.spans["sc"]]
    assert ("Zoe\u0308 Lee", "PERSON") in spans and ("New York Times", "NEWS OUTLET") in spans
    assert (
        report.annotations
        + sum(
            count for reason, count in report.not_carried.items() if reason.startswith("spans not")
        )
        == 12
    )


def test_awkward_database_validates_against_the_shipped_schema(awkward_db):
    from jsonschema import Draft202012Validator

    from tui.store.schema import schema

    data = json.loads(awkward_db.read_text(encoding="utf-8"))
    errors = list(Draft202012Validator(schema()).iter_errors(data))
    assert errors == []
    speakers = [
        a["attributes"]["speaker"]
        for a in data["annotations"].values()
        if a["kind"] == "claim" and a["attributes"].get("speaker")
    ]
    assert all(s.get("annotation_id") for s in speakers)


def test_spacys_conll_converter_reads_the_same_mentions(awkward):
    pytest.importorskip("spacy")
    from spacy.training.converters import conll_ner_to_docs

    out = io.BytesIO()
    report = export_conll(awkward, out)
    docs = list(conll_ner_to_docs(out.getvalue().decode("utf-8"), n_sents=10, no_print=True))
    entities = [(e.text, e.label_) for doc in docs for e in doc.ents]
    assert len(entities) == report.annotations == 8
    assert ("Jose\u0301 Marti\u0301nez", "PERSON") in entities
    assert ("\U0001f469\u200d\U0001f4bb team", "ORG") in entities
