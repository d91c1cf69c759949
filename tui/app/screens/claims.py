"""Claims across articles: clusters of one statement, side by side, marked with one key."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.app.modals.text_prompt import TextPrompt
from tui.app.widgets.claim_pair import ClaimPairView
from tui.safe_text import visible
from tui.wording import plural
from tui.workspace.crossdoc_records import ClaimCluster
from tui.workspace.session import Session, StoreError


class ClaimsScreen(Screen[None]):
    """Clusters spanning several articles first; "attribution differs" flagged in the list."""

    BINDINGS = [
        Binding("escape,q", "close", "Back", id="claims.close"),
        Binding("s", "mark('same_claim')", "Same claim", id="claims.same"),
        Binding("p", "mark('supports')", "Supports", id="claims.supports"),
        Binding("x", "mark('contradicts')", "Contradicts", id="claims.contradicts"),
        Binding("N", "mark_with_note", "Mark with a note", id="claims.note"),
        Binding("d", "unmark", "Unmark", id="claims.unmark"),
        Binding("right_square_bracket", "pair(1)", "Next pair", id="claims.next_pair"),
        Binding("left_square_bracket", "pair(-1)", "Prev pair", show=False, id="claims.prev_pair"),
        Binding("o", "open(0)", "Open left", id="claims.open_left"),
        Binding("O", "open(1)", "Open right", show=False, id="claims.open_right"),
        Binding("u", "undo", "Undo", id="claims.undo"),
        Binding("ctrl+r", "redo", "Redo", show=False, id="claims.redo"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.clusters: list[ClaimCluster] = []
        self.pair_index = 0
        self.total_claims = 0

    def compose(self) -> ComposeResult:
        yield Static("", id="claims-title")
        yield OptionList(id="claim-clusters")
        yield ClaimPairView(id="claim-pair")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_clusters()
        self.query_one(OptionList).focus()

    def refresh_clusters(self, keep: str | None = None) -> None:
        self.clusters = self.session.claims.clusters()
        option_list = self.query_one(OptionList)
        option_list.clear_options()
        option_list.add_options([self._option(c) for c in self.clusters])
        total = self.total_claims = len(self.session.claims.claims())
        flagged = sum(c.attribution_differs for c in self.clusters)
        self.query_one("#claims-title", Static).update(
            f"{plural(len(self.clusters), 'claim')} repeated across articles ({flagged} with "
            f"differing attribution) out of {plural(total, 'claim')} · s same · p supports · "
            "x contradicts · ] next pair"
        )
        ids = [c.id for c in self.clusters]
        if self.clusters:
            option_list.highlighted = ids.index(keep) if keep in ids else 0
        self._show()

    def _option(self, cluster: ClaimCluster) -> Option:
        first = cluster.claims[0]
        flag = " ⚠ attribution differs" if cluster.attribution_differs else ""
        speakers = ", ".join(dict.fromkeys(c.speaker_text or "?" for c in cluster.claims))
        label = Text.assemble(
            (
                f"{len(cluster.claims)} claims · {plural(cluster.documents, 'article')}{flag}",
                "bold",
            ),
            f"  {visible(speakers)}: “{visible(first.content[:70])}…”",
        )
        return Option(label, id=cluster.id)

    def on_screen_resume(self) -> None:
        self.refresh_clusters(keep=self.cluster.id if self.cluster else None)

    @property
    def cluster(self) -> ClaimCluster | None:
        index = self.query_one(OptionList).highlighted
        return self.clusters[index] if index is not None and index < len(self.clusters) else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.pair_index = 0
        self._show()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_pair(1)

    def _show(self) -> None:
        cluster = self.cluster
        view = self.query_one(ClaimPairView)
        if cluster is None:
            view.show(None, self._why_no_pair())
            return
        self.pair_index %= len(cluster.pairs)
        view.show(cluster.pairs[self.pair_index], f"{self.pair_index + 1} of {len(cluster.pairs)}")

    def _why_no_pair(self) -> str:
        """What a newcomer does next when there is nothing to compare."""
        if not self.total_claims:
            return (
                "No claims yet. In the reader, put the cursor on a quoted sentence and press c "
                "(or accept a suggested claim with a). Claims that two articles report alike "
                "are shown here side by side, with what differs in who said it."
            )
        return (
            "None of these claims is reported by another article yet. Claim the same quote where "
            "another outlet reports it, and the pair appears here."
        )

    def action_pair(self, step: int) -> None:
        self.pair_index += step
        self._show()

    def action_mark(self, relation: str, note: str = "") -> None:
        cluster = self.cluster
        if cluster is None:
            return
        pair = cluster.pairs[self.pair_index % len(cluster.pairs)]
        try:
            self.session.claims.mark(pair.a.id, pair.b.id, relation, note)
        except (StoreError, ValueError) as error:
            self.notify(visible(str(error)), severity="warning", markup=False)
            return
        self.notify(f"marked {relation.replace('_', ' ')} (u undoes)", markup=False)
        index = self.pair_index
        self.refresh_clusters(keep=cluster.id)
        self.pair_index = index
        self._show()

    def action_mark_with_note(self) -> None:
        def chosen(relation: str, note: str | None) -> None:
            if note is not None:
                self.action_mark(relation, note)

        prompt = TextPrompt("Note, then Enter (marks the pair as contradicting)", "")
        self.app.push_screen(prompt, partial(chosen, "contradicts"))

    def action_unmark(self) -> None:
        cluster = self.cluster
        if cluster is None:
            return
        pair = cluster.pairs[self.pair_index % len(cluster.pairs)]
        try:
            self.session.claims.unmark(pair.a.id, pair.b.id)
        except (StoreError, ValueError) as error:
            self.notify(visible(str(error)), severity="warning", markup=False)
            return
        self.refresh_clusters(keep=cluster.id)

    def action_open(self, side: int) -> None:
        cluster = self.cluster
        if cluster is None:
            return
        pair = cluster.pairs[self.pair_index % len(cluster.pairs)]
        claim = pair.a if side == 0 else pair.b
        self.app.pop_screen()
        self.app.call_later(self.app.open_entry, claim.document_id, {"cursor": claim.start})  # type: ignore[attr-defined]

    def action_undo(self, undoing: bool = True) -> None:
        step = self.session.undo_last(undoing)
        self.notify(visible(step.message), markup=False)
        keep = self.cluster.id if self.cluster else None
        self.refresh_clusters(keep=keep)

    def action_redo(self) -> None:
        self.action_undo(undoing=False)

    def action_close(self) -> None:
        self.app.pop_screen()
