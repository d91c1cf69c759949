"""Inter-annotator agreement: span P/R/F1, token kappa and alpha, claim attributes, relations.

Computed over the documents every annotator worked on (same clean text), pairwise for span and
attribute measures (the first database of a pair is the reference) and over all annotators for
Krippendorff's alpha.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field

from tui.analysis.spans import Annotator, SpanKey, shared_documents, token_labels

LAYERS = ("entity", "claim")


@dataclass(frozen=True)
class PRF:
    """Counts, so per-label figures add up to the overall (micro) one."""

    matched: int
    reference: int
    predicted: int

    @property
    def precision(self) -> float | None:
        return self.matched / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.reference if self.reference else None

    @property
    def f1(self) -> float | None:
        """2tp / (reference + predicted): 0 when one side has spans the other lacks entirely."""
        both = self.reference + self.predicted
        return 2 * self.matched / both if both else None

    def as_dict(self) -> dict[str, float | int | None]:
        return {**asdict(self), "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass
class Attribute:
    """Agreement on one claim attribute over matched claims where either annotator set it."""

    compared: int = 0
    agreed: int = 0

    @property
    def ratio(self) -> float | None:
        return self.agreed / self.compared if self.compared else None


@dataclass
class PairReport:
    """Everything measured between two annotators (a = reference, b = compared)."""

    a: str
    b: str
    exact: dict[str, PRF]
    overlap: dict[str, PRF]
    kappa: dict[str, float | None]
    claim_type: Attribute
    stance: Attribute
    relations: dict[str, PRF]


@dataclass(frozen=True)
class Disagreement:
    """A span not every annotator has, with who has it."""

    span: SpanKey
    quote: str
    by: tuple[str, ...]


@dataclass
class AgreementReport:
    annotators: list[str]
    documents: list[str]
    pairs: list[PairReport]
    alpha: dict[str, float | None]
    disagreements: dict[str, list[Disagreement]] = field(default_factory=dict)
    only_some: dict[str, list[str]] = field(default_factory=dict)


def prf(reference: Iterable[tuple[object, ...]], predicted: Iterable[tuple[object, ...]]) -> PRF:
    """Exact matching of two multisets of keys."""
    ref, pred = Counter(reference), Counter(predicted)
    return PRF(sum((ref & pred).values()), sum(ref.values()), sum(pred.values()))


def overlap_pairs(ref: Sequence[SpanKey], pred: Sequence[SpanKey]) -> list[tuple[SpanKey, SpanKey]]:
    """One-to-one matching of same-label overlapping spans, exact and largest overlaps first."""
    candidates = []
    for i, r in enumerate(ref):
        for j, p in enumerate(pred):
            if r.doc == p.doc and r.label == p.label and r.start < p.end and p.start < r.end:
                shared = min(r.end, p.end) - max(r.start, p.start)
                candidates.append((-(r.place == p.place), -shared, i, j))
    used_r: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _exact, _shared, i, j in sorted(candidates):
        if i not in used_r and j not in used_p:
            used_r.add(i)
            used_p.add(j)
            pairs.append((ref[i], pred[j]))
    return pairs


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float | None:
    """Cohen's kappa of two equal-length label sequences; 1.0 when both agree on everything."""
    n = len(a)
    if n == 0:
        return None
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in ca) / (n * n)
    if expected >= 1.0:
        return 1.0 if observed >= 1.0 else None
    return (observed - expected) / (1 - expected)


def krippendorff_alpha(rows: Sequence[Sequence[str]]) -> float | None:
    """Nominal alpha over tokens (the `krippendorff` package); 1.0 when nobody disagrees."""
    if not rows or not rows[0]:
        return None
    if all(list(row) == list(rows[0]) for row in rows[1:]):
        return 1.0
    import krippendorff
    import numpy as np

    codes = {v: i for i, v in enumerate(sorted({v for row in rows for v in row}))}
    data = np.array([[codes[v] for v in row] for row in rows], dtype=float)
    value = float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
    return None if math.isnan(value) else value


def _by_label(
    ref: Sequence[SpanKey], pred: Sequence[SpanKey], matched: Sequence[tuple[SpanKey, SpanKey]]
) -> dict[str, PRF]:
    labels = sorted({s.label for s in (*ref, *pred)})
    result = {
        label: PRF(
            sum(1 for r, _p in matched if r.label == label),
            sum(1 for s in ref if s.label == label),
            sum(1 for s in pred if s.label == label),
        )
        for label in labels
    }
    result["overall"] = PRF(len(matched), len(ref), len(pred))
    return result


def compare_pair(a: Annotator, b: Annotator, documents: Sequence[str]) -> PairReport:
    docs = set(documents)
    ref = [s for s in a.spans if s.doc in docs]
    pred = [s for s in b.spans if s.doc in docs]
    exact_counts = Counter(s.place for s in ref) & Counter(s.place for s in pred)
    exact: dict[str, PRF] = {}
    for label in sorted({s.label for s in (*ref, *pred)}):
        exact[label] = PRF(
            sum(n for place, n in exact_counts.items() if place[3] == label),
            sum(1 for s in ref if s.label == label),
            sum(1 for s in pred if s.label == label),
        )
    exact["overall"] = PRF(sum(exact_counts.values()), len(ref), len(pred))
    matched = overlap_pairs(ref, pred)
    kappa = {}
    for layer in ("entity", "claim"):
        la: list[str] = []
        lb: list[str] = []
        for doc in documents:
            la += token_labels(a.texts[doc], [s for s in ref if s.doc == doc], layer)
            lb += token_labels(b.texts[doc], [s for s in pred if s.doc == doc], layer)
        kappa[layer] = cohen_kappa(la, lb)
    claim_type, stance = Attribute(), Attribute()
    for r, p in matched:
        if r.kind != "claim":
            continue
        for attribute, x, y in (
            (claim_type, r.claim_type, p.claim_type),
            (stance, r.stance, p.stance),
        ):
            if x is not None or y is not None:
                attribute.compared += 1
                attribute.agreed += x == y
    relations = {}
    for rel_type in ("same_claim", "contradicts"):
        relations[rel_type] = prf(
            ((r.doc, r.ends) for r in a.relations if r.type == rel_type and r.doc in docs),
            ((r.doc, r.ends) for r in b.relations if r.type == rel_type and r.doc in docs),
        )
    return PairReport(
        a.name, b.name, exact, _by_label(ref, pred, matched), kappa, claim_type, stance, relations
    )


def disagreements(
    annotators: Sequence[Annotator], documents: Sequence[str]
) -> dict[str, list[Disagreement]]:
    """Per document, every span (with claim type and stance) that not all annotators have."""
    docs = set(documents)
    holders: dict[SpanKey, list[str]] = defaultdict(list)
    for annotator in annotators:
        for span in annotator.spans:
            if span.doc in docs:
                holders[span].append(annotator.name)
    found: dict[str, list[Disagreement]] = defaultdict(list)
    texts = annotators[0].texts
    for span in sorted(holders):
        if len(holders[span]) < len(annotators):
            quote = texts[span.doc][span.start : span.end]
            found[span.doc].append(Disagreement(span, quote, tuple(holders[span])))
    return dict(found)


def agreement(annotators: Sequence[Annotator]) -> AgreementReport:
    """The whole report: every pair, alpha over everyone, disagreements, coverage."""
    if len(annotators) < 2:
        raise ValueError("agreement needs at least two databases")
    documents = shared_documents(annotators)
    pairs = [compare_pair(a, b, documents) for a, b in itertools.combinations(annotators, 2)]
    alpha: dict[str, float | None] = {}
    for layer in LAYERS:
        rows = []
        for annotator in annotators:
            row: list[str] = []
            for doc in documents:
                spans = [s for s in annotator.spans if s.doc == doc]
                row += token_labels(annotator.texts[doc], spans, layer)
            rows.append(row)
        alpha[layer] = krippendorff_alpha(rows)
    every = set(documents)
    only_some = {a.name: sorted(a.annotated - every) for a in annotators if a.annotated - every}
    return AgreementReport(
        [a.name for a in annotators],
        documents,
        pairs,
        alpha,
        disagreements(annotators, documents),
        only_some,
    )


def report_json(report: AgreementReport) -> dict[str, object]:
    """Plain JSON types, for `newsmark agree --json`."""

    def pair(p: PairReport) -> dict[str, object]:
        return {
            "a": p.a,
            "b": p.b,
            "exact": {k: v.as_dict() for k, v in p.exact.items()},
            "overlap": {k: v.as_dict() for k, v in p.overlap.items()},
            "cohen_kappa_tokens": p.kappa,
            "claim_type": {**asdict(p.claim_type), "ratio": p.claim_type.ratio},
            "stance": {**asdict(p.stance), "ratio": p.stance.ratio},
            "relations": {k: v.as_dict() for k, v in p.relations.items()},
        }

    return {
        "annotators": report.annotators,
        "documents_all_annotated": report.documents,
        "annotated_by_only_some": report.only_some,
        "krippendorff_alpha_tokens": report.alpha,
        "pairs": [pair(p) for p in report.pairs],
        "disagreements": {
            doc: [{**asdict(d.span), "quote": d.quote, "annotators": list(d.by)} for d in items]
            for doc, items in report.disagreements.items()
        },
    }
