"""What the cross-document screens and commands receive: entities, mentions, claims, clusters."""

from __future__ import annotations

from dataclasses import dataclass

from tui.analysis.claim_clusters import Piece as DiffPiece
from tui.analysis.claim_rows import ClaimCluster, ClaimPair, ClaimRow

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
    at: int = 0  # where the mention starts in `sentence` (whitespace folded like it)


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
class SearchHit:
    """An article matching a corpus search, with the offset of its first hit in the clean text."""

    document_id: str
    title: str
    hits: int
    first_offset: int
