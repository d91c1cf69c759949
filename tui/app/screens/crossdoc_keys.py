"""The reader's cross-document keys: link a mention to an entity, jump to a linked claim."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from textual.screen import Screen

from tui.app.modals.entity_picker import NEW_ENTITY, EntityPicker
from tui.workspace import AnnotationRecord
from tui.workspace.session import Session, StoreError


class CrossDocScreen(Protocol):
    """What these keys may use of the reader screen."""

    session: Session

    def under_cursor(self) -> AnnotationRecord | None: ...
    def warn(self, message: str) -> None: ...
    def refresh_status(self, message: str = "") -> None: ...
    def reload_annotations(self) -> None: ...
    def open_modal(self, modal: Screen[Any], done: Callable[[Any], None]) -> None: ...
    def open_document(self, document_id: str, cursor: int) -> None: ...


class CrossDocKeys:
    """Link (`l`), link to the last entity (`;`) and jump to a linked claim (`J`)."""

    def __init__(self, screen: CrossDocScreen) -> None:
        self.screen = screen

    def _mention(self) -> AnnotationRecord | None:
        annotation = self.screen.under_cursor()
        if annotation is None or annotation["kind"] != "entity":
            self.screen.warn("move onto a tagged name (an entity mention) first")
            return None
        if self.screen.session.read_only:
            self.screen.warn("read-only: another newsmark holds the database")
            return None
        return annotation

    def link(self) -> None:
        mention = self._mention()
        if mention is None:
            return
        registry = self.screen.session.registry
        name = " ".join(mention["exact"].split())

        def done(choice: str | None) -> None:
            if choice is None:
                return
            try:
                if choice == NEW_ENTITY:
                    registry.new_entity_from_mention(mention["id"])
                else:
                    registry.link(mention["id"], choice)
            except (StoreError, ValueError) as error:
                self.screen.warn(str(error))
                return
            entity = registry.last_entity or ""
            self.screen.reload_annotations()
            self.screen.refresh_status(
                f"linked “{name}” to {self._name(entity)} (; links the next one)"
            )

        self.screen.open_modal(EntityPicker(registry, name), done)

    def link_to_last(self) -> None:
        mention = self._mention()
        if mention is None:
            return
        try:
            entity = self.screen.session.registry.link_to_last(mention["id"])
        except (StoreError, ValueError) as error:
            self.screen.warn(str(error))
            return
        self.screen.reload_annotations()
        self.screen.refresh_status(f"linked to {self._name(entity)}")

    def jump_to_linked_claim(self) -> None:
        annotation = self.screen.under_cursor()
        if annotation is None or annotation["kind"] != "claim":
            self.screen.warn("move onto a claim first")
            return
        linked = self.screen.session.claims.linked(annotation["id"])
        if not linked:
            self.screen.warn(
                "this claim is not linked to another; C compares claims across articles"
            )
            return
        kind, other = linked[0]
        self.screen.open_document(other.document_id, other.start)
        self.screen.refresh_status(f"{kind.replace('_', ' ')}: {other.document_title[:50]}")

    def _name(self, entity_id: str) -> str:
        return self.screen.session.entity_names().get(entity_id, "the entity")
