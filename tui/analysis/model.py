"""Entity suggestions from any installed spaCy pipeline (the optional `ner` extra).

spaCy is imported only here and only when a model is asked for, so the core never needs it;
spaCy's labels are mapped onto ours by a configurable table, unmapped ones are dropped.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["DEFAULT_LABEL_MAP", "ModelMatch", "load_pipeline", "model_matches"]

DEFAULT_LABEL_MAP: dict[str, str] = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "FAC": "LOC",
    "DATE": "DATE",
    "MONEY": "MONEY",
    "PRODUCT": "PRODUCT",
    "EVENT": "EVENT",
    "LAW": "LAW",
}


@dataclass(frozen=True)
class ModelMatch:
    """An entity the model found, already in our label set."""

    start: int
    end: int
    label: str


def load_pipeline(name: str) -> Any:
    """Load an installed spaCy pipeline by name; a clear ValueError when spaCy or it is missing."""
    if importlib.util.find_spec("spacy") is None:
        raise ValueError("spaCy is not installed; pip install 'newsmark[ner]' to use --model")
    import spacy

    try:
        return spacy.load(name)
    except OSError:
        raise ValueError(
            f"no installed spaCy pipeline {name!r}; install it with pip (newsmark never downloads one)"
        ) from None


def model_matches(
    nlp: Any, text: str, label_map: Mapping[str, str] | None = None
) -> list[ModelMatch]:
    """The pipeline's entities in `text`, mapped to our labels (unmapped labels are left out)."""
    mapping = DEFAULT_LABEL_MAP if label_map is None else label_map
    matches = []
    for ent in nlp(text).ents:
        label = mapping.get(str(ent.label_))
        if label:
            matches.append(ModelMatch(int(ent.start_char), int(ent.end_char), label))
    return matches
