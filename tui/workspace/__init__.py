"""The headless application service: the one door through which the UI reads and changes data."""

from tui.workspace.session import Article, Session, guess_claim_type, trim

__all__ = ["Article", "Session", "guess_claim_type", "trim"]
