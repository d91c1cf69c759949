"""The entity registry: every entity with its mentions across articles; rename, merge, split."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.app.modals.label_picker import LabelPicker
from tui.app.modals.text_prompt import TextPrompt
from tui.safe_text import visible
from tui.wording import plural
from tui.workspace.crossdoc_records import EntitySummary, MentionRow, SameEntityCandidate
from tui.workspace.session import Session, StoreError


def mention_context(mention: MentionRow, width: int = 120) -> Text:
    """Up to `width` characters of the mention's sentence around the mention, which is bold."""
    sentence, at = mention.sentence, mention.at
    end = at + len(" ".join(mention.exact.split()))
    first = 0 if end <= width else max(0, min(at - width // 3, len(sentence) - width))
    last = first + width
    return Text.assemble(
        "…" if first else "",
        visible(sentence[first:at]),
        (visible(sentence[at:end]), "bold underline"),
        visible(sentence[end:last]),
        "…" if last < len(sentence) else "",
    )


class EntitiesScreen(Screen[None]):
    """Top: entities (or, with `c`, same-entity candidates); bottom: the highlighted one's mentions."""

    BINDINGS = [
        Binding("escape,q", "close", "Back", id="entities.close"),
        Binding("tab", "switch_list", "Mentions/entities", id="entities.switch"),
        Binding("c", "toggle_candidates", "Candidates", id="entities.candidates"),
        Binding("y", "merge_candidate", "Merge pair", id="entities.merge_candidate"),
        Binding("d", "dismiss_candidate", "Not the same", id="entities.dismiss"),
        Binding("m", "mark", "Mark", id="entities.mark"),
        Binding("M", "merge_marked", "Merge marked here", id="entities.merge"),
        Binding("r", "rename", "Rename", id="entities.rename"),
        Binding("t", "change_type", "Type", show=False, id="entities.type"),
        Binding("a", "aliases", "Aliases", show=False, id="entities.aliases"),
        Binding("space", "select_mention", "Select mention", show=False, id="entities.select"),
        Binding("S", "split", "Split selected off", show=False, id="entities.split"),
        Binding("u", "undo", "Undo", id="entities.undo"),
        Binding("ctrl+r", "redo", "Redo", show=False, id="entities.redo"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.rows: list[EntitySummary] = []
        self.candidates: list[SameEntityCandidate] = []
        self.mentions: list[MentionRow] = []
        self.showing_candidates = False
        self.marked: str | None = None
        self.selected: set[str] = set()

    def compose(self) -> ComposeResult:
        yield Static("", id="entities-title")
        yield OptionList(id="entity-list")
        yield OptionList(id="entity-mentions")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_rows()
        self.query_one("#entity-list", OptionList).focus()

    # filling --------------------------------------------------------------------------
    def refresh_rows(self, keep: str | None = None) -> None:
        registry = self.session.registry
        self.rows = registry.entities()
        self.candidates = registry.candidates()
        top = self.query_one("#entity-list", OptionList)
        top.clear_options()
        if self.showing_candidates:
            top.add_options([self._candidate_option(c) for c in self.candidates])
            keys = [f"{c.a}|{c.b}" for c in self.candidates]
            title = (
                f"{plural(len(self.candidates), 'pair')} that may be one entity · "
                "y merges · d dismisses · c back"
            )
        else:
            top.add_options([self._entity_option(r) for r in self.rows])
            keys = [r.id for r in self.rows]
            title = (
                f"{plural(len(self.rows), 'entity', 'entities')} · "
                f"{plural(len(self.candidates), 'possible duplicate')} (c) · "
                "m mark, M merge into highlighted · r rename · Tab mentions"
            )
        self.query_one("#entities-title", Static).update(title)
        if keys:
            top.highlighted = keys.index(keep) if keep in keys else 0
        self._fill_mentions()

    def _entity_option(self, row: EntitySummary) -> Option:
        mark = "● " if row.id == self.marked else "  "
        aliases = f"  aka {', '.join(row.aliases)}" if row.aliases else ""
        return Option(
            Text.assemble(
                mark,
                (visible(row.name), "bold"),
                f"  {row.type} · {plural(row.mentions, 'mention')} · "
                f"{plural(len(row.documents), 'article')}",
                visible(aliases),
            ),
            id=row.id,
        )

    def _candidate_option(self, c: SameEntityCandidate) -> Option:
        return Option(
            Text.assemble(
                f"{c.score:.2f}  ",
                (visible(c.a_name), "bold"),
                "  ~  ",
                (visible(c.b_name), "bold"),
                f"   {visible(c.reason)}",
            ),
            id=f"{c.a}|{c.b}",
        )

    def _current_entity(self) -> str | None:
        index = self.query_one("#entity-list", OptionList).highlighted
        if index is None:
            return None
        if self.showing_candidates:
            return self.candidates[index].a if index < len(self.candidates) else None
        return self.rows[index].id if index < len(self.rows) else None

    def _fill_mentions(self) -> None:
        entity = self._current_entity()
        self.mentions = self.session.registry.mentions(entity) if entity else []
        bottom = self.query_one("#entity-mentions", OptionList)
        bottom.clear_options()
        for mention in self.mentions:
            chosen = "✓ " if mention.annotation_id in self.selected else "  "
            state = "" if mention.state == "ok" else f" [{mention.state}]"
            bottom.add_option(
                Option(
                    Text.assemble(
                        chosen,
                        (visible(mention.document_title[:30]), "bold"),
                        visible(state),
                        "  ",
                        mention_context(mention),
                    ),
                    id=mention.annotation_id,
                )
            )
        if self.mentions:
            bottom.highlighted = 0

    def on_screen_resume(self) -> None:
        self.refresh_rows(keep=self._current_entity())

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "entity-list":
            self.selected.clear()
            self._fill_mentions()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "entity-list":
            if self.showing_candidates:
                self.action_merge_candidate()
            else:
                self.query_one("#entity-mentions", OptionList).focus()
            return
        mention = next((m for m in self.mentions if m.annotation_id == event.option.id), None)
        if mention is not None:
            self.app.pop_screen()
            self.app.call_later(self.app.open_entry, mention.document_id, {"cursor": mention.start})  # type: ignore[attr-defined]

    # keys -------------------------------------------------------------------------------
    def _do(self, message: str, change: Callable[[], object]) -> None:
        """Run a registry change, report it, and refresh the lists."""
        try:
            change()
        except (StoreError, ValueError) as error:
            self.notify(visible(str(error)), severity="warning", markup=False)
            return
        self.notify(visible(message), markup=False)
        self.refresh_rows(keep=self._current_entity())

    def action_switch_list(self) -> None:
        top = self.query_one("#entity-list", OptionList)
        (self.query_one("#entity-mentions", OptionList) if top.has_focus else top).focus()

    def action_toggle_candidates(self) -> None:
        self.showing_candidates = not self.showing_candidates
        self.refresh_rows()

    def _candidate(self) -> SameEntityCandidate | None:
        index = self.query_one("#entity-list", OptionList).highlighted
        if not self.showing_candidates or index is None or index >= len(self.candidates):
            self.notify("press c to list the candidates first", severity="warning")
            return None
        return self.candidates[index]

    def action_merge_candidate(self) -> None:
        pair = self._candidate()
        if pair is not None:
            registry = self.session.registry
            self._do(
                f"merged {pair.b_name} into {pair.a_name} (u undoes)",
                lambda: registry.merge(pair.a, pair.b),
            )

    def action_dismiss_candidate(self) -> None:
        pair = self._candidate()
        if pair is not None:
            registry = self.session.registry
            self._do(
                f"{pair.a_name} and {pair.b_name} are kept apart",
                lambda: registry.dismiss(pair.a, pair.b),
            )

    def action_mark(self) -> None:
        self.marked = self._current_entity()
        self.refresh_rows(keep=self.marked)

    def action_merge_marked(self) -> None:
        keep, drop = self._current_entity(), self.marked
        if keep is None or drop is None:
            self.notify(
                "mark an entity with m, then press M on the one to keep", severity="warning"
            )
            return
        self.marked = None
        self._do("merged (u undoes)", lambda: self.session.registry.merge(keep, drop))

    def _entity(self) -> EntitySummary | None:
        return next((r for r in self.rows if r.id == self._current_entity()), None)

    def action_rename(self) -> None:
        entity = self._entity()
        if entity is None:
            return

        def renamed(name: str | None) -> None:
            if name is not None:
                self._do("renamed", lambda: self.session.registry.rename(entity.id, name))

        self.app.push_screen(TextPrompt("New name", entity.name), renamed)

    def action_aliases(self) -> None:
        entity = self._entity()
        if entity is None:
            return

        def edited(text: str | None) -> None:
            if text is not None:
                aliases = text.split(",")
                self._do(
                    "aliases saved", lambda: self.session.registry.set_aliases(entity.id, aliases)
                )

        self.app.push_screen(
            TextPrompt("Aliases, comma-separated", ", ".join(entity.aliases)), edited
        )

    def action_change_type(self) -> None:
        entity = self._entity()
        if entity is None:
            return

        def picked(name: str | None) -> None:
            if name:
                self._do(
                    f"type set to {name}", lambda: self.session.registry.set_type(entity.id, name)
                )

        labels = [label for label in self.session.labels() if label["kind"] == "entity"]
        self.app.push_screen(LabelPicker(labels, entity.type), picked)

    def action_select_mention(self) -> None:
        bottom = self.query_one("#entity-mentions", OptionList)
        if bottom.highlighted is None or not self.mentions:
            return
        mention = self.mentions[bottom.highlighted]
        self.selected ^= {mention.annotation_id}
        index = bottom.highlighted
        self._fill_mentions()
        bottom.highlighted = index

    def action_split(self) -> None:
        chosen = sorted(self.selected)
        self.selected.clear()
        self._do("split into a new entity (u undoes)", lambda: self.session.registry.split(chosen))

    def action_undo(self, undoing: bool = True) -> None:
        self.notify(visible(self.session.undo_last(undoing).message), markup=False)
        self.refresh_rows(keep=self._current_entity())

    def action_redo(self) -> None:
        self.action_undo(undoing=False)

    def action_close(self) -> None:
        self.app.pop_screen()
