"""What the reader screen offers the key objects it owns (occurrence keys, suggestion keys)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from textual.message import Message

from tui.workspace.session import Article, Session


class ReaderScreenPart(Protocol):
    """The reader screen as its key objects see it: the session, the open article, the status."""

    session: Session
    article: Article | None
    app: Any

    @property
    def annotations(self) -> list[Any]: ...

    @property
    def reader(self) -> Any: ...

    def reload_annotations(self, article: Article | None = None) -> None: ...
    def refresh_status(self, message: str = "") -> None: ...
    def warn(self, message: str) -> None: ...
    def under_cursor(self) -> Any: ...

    @property
    def run_worker(self) -> Callable[..., Any]: ...

    def post_message(self, message: Message) -> bool: ...
