"""The headless application service: the one door through which the UI reads and changes data."""

from tui.corpus import CorpusEntry as ArticleEntry  # what the library lists: id, title, date ...
from tui.workspace.records import (
    AnchorReport,
    AnnotationRecord,
    DocumentRecord,
    EntityRecord,
    LabelRecord,
    ResumeState,
)
from tui.workspace.session import Article, HistoryStep, Session, guess_claim_type, trim

__all__ = [
    "AnchorReport",
    "AnnotationRecord",
    "ArticleEntry",
    "Article",
    "DocumentRecord",
    "EntityRecord",
    "HistoryStep",
    "LabelRecord",
    "ResumeState",
    "Session",
    "guess_claim_type",
    "trim",
]
