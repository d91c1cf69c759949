"""What the cross-document screens and commands receive: entities, mentions, claims, clusters."""

from __future__ import annotations

from dataclasses import dataclass

from tui.analysis.claim_clusters import Piece as DiffPiece

__all__ = [
    "ClaimCluster",
    "ClaimPair",
    "ClaimRow",
    "DiffPiece",
    "EntityMatch",
    "EntitySummary",
    "MentionRow",
    "SameEntityCandidate",
    "SearchHit",
]


@dataclass(frozen=True)
class EntitySummary:
    """One row of the entities screen."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: int
    documents: tuple[str, ...]
    external_id: str | None = None


@dataclass(frozen=True)
class MentionRow:
    """One mention of an entity somewhere in the corpus, with its sentence."""

    annotation_id: str
    document_id: str
    document_title: str
    start: int
    end: int
    exact: str
    sentence: str
    state: str


@dataclass(frozen=True)
class EntityMatch:
    """A picker result: `matched` is the name or alias that matched the query."""

    entity_id: str
    name: str
    type: str
    matched: str
    score: float


@dataclass(frozen=True)
class SameEntityCandidate:
    """Two entities (or "mention:<id>" for an unlinked mention) that are probably one."""

    a: str
    b: str
    a_name: str
    b_name: str
    score: float
    reason: str


@dataclass(frozen=True)
class ClaimRow:
    """A claim with who said it, where and when, and its relations to other claims."""

    id: str
    document_id: str
    document_title: str
    source: str | None
    date: str | None
    quote: str
    content: str
    attribution: str
    speaker_text: str | None
    speaker_entity: str | None
    type: str | None
    stance: str | None
    state: str
    start: int
    end: int
    relations: tuple[tuple[str, str], ...]  # (relation type, other claim id)


@dataclass(frozen=True)
class ClaimPair:
    """Two claims of a cluster side by side, with their word-level differences."""

    a: ClaimRow
    b: ClaimRow
    score: float
    quote_diff: tuple[tuple[DiffPiece, ...], tuple[DiffPiece, ...]]
    attribution_diff: tuple[tuple[DiffPiece, ...], tuple[DiffPiece, ...]]
    relation: str | None
    differences: tuple[str, ...]


@dataclass(frozen=True)
class ClaimCluster:
    """Claims that say the same thing; flagged when their attributions differ."""

    id: str
    claims: tuple[ClaimRow, ...]
    documents: int
    pairs: tuple[ClaimPair, ...]
    attribution_differs: bool
    differing: tuple[str, ...]


@dataclass(frozen=True)
class SearchHit:
    """An article matching a corpus search, with the offset of its first hit in the clean text."""

    document_id: str
    title: str
    hits: int
    first_offset: int
