"""Two claims side by side, with the words that differ in quote and attribution highlighted."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from tui.safe_text import visible
from tui.workspace.crossdoc_records import ClaimPair, ClaimRow, DiffPiece


class ClaimPairView(Static):
    """Styles of the differing words come from newsmark.tcss (component classes), not Python."""

    COMPONENT_CLASSES = {"claim-pair--changed", "claim-pair--only", "claim-pair--label"}

    def show(self, pair: ClaimPair | None, position: str = "") -> None:
        """`position` says where the pair is ("2 of 3"), or, with no pair, why there is none."""
        self.update(self._render_pair(pair, position) if pair else Text(position or "no pair"))

    def _pieces(self, pieces: Sequence[DiffPiece]) -> Text:
        text = Text()
        for piece in pieces:
            style = (
                self.get_component_rich_style(f"claim-pair--{piece.kind}")
                if piece.kind != "same"
                else ""
            )
            if text:
                text.append(" ")
            text.append(visible(piece.text), style=style)
        return text

    def _side(self, claim: ClaimRow, quote: Sequence[DiffPiece], said: Sequence[DiffPiece]) -> Text:
        label = self.get_component_rich_style("claim-pair--label")
        where = " · ".join(
            visible(x)
            for x in (claim.document_title[:60], claim.source or "", claim.date or "")
            if x
        )
        text = Text.assemble((where, label), "\n\n", "“", self._pieces(quote), "”\n\n")
        text.append_text(Text.assemble(("attribution: ", label), self._pieces(said)))
        text.append_text(
            Text.assemble("\n", ("speaker: ", label), visible(claim.speaker_text or "?"))
        )
        return text

    def _render_pair(self, pair: ClaimPair, position: str) -> RenderableType:
        table = Table.grid(expand=True, padding=(0, 2))
        table.add_column(ratio=1)
        table.add_column(ratio=1)
        table.add_row(
            self._side(pair.a, pair.quote_diff[0], pair.attribution_diff[0]),
            self._side(pair.b, pair.quote_diff[1], pair.attribution_diff[1]),
        )
        relation = pair.relation.replace("_", " ") if pair.relation else "not marked yet"
        header = Text(f"pair {position} · similarity {pair.score:.2f} · {relation}")
        for difference in pair.differences:
            header.append("\n⚠ " + visible(difference))
        grid = Table.grid(expand=True)
        grid.add_row(header)
        grid.add_row(Text(""))
        grid.add_row(table)
        return grid
