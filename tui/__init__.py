"""newsmark: a keyboard-driven reader and annotator for news-article corpora."""

__version__ = "0.1.0"
