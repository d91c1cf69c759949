"""One-line status bar: where you are, who you are, and whether your work is on disk."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tui.safe_text import visible


class StatusLine(Widget):
    """Shows article n of N, mode, annotator and the store's save status (saved / saving / not saved)."""

    DEFAULT_CSS = "StatusLine { height: 1; }"

    position: reactive[str] = reactive("")
    mode: reactive[str] = reactive("")
    annotator: reactive[str] = reactive("")
    save_status: reactive[str] = reactive("saved")
    read_only: reactive[str | None] = reactive(None)
    message: reactive[str] = reactive("")

    def render(self) -> Text:
        left = Text()
        left.append(visible(self.position), style="bold")
        if self.mode:
            left.append("  ")
            left.append(f" {self.mode} ", style="reverse")
        if self.message:
            left.append("  ")
            left.append(visible(self.message))
        right = Text()
        right.append(visible(self.annotator))
        right.append("  ")
        if self.read_only is not None:
            right.append(f"read-only: database held by {visible(self.read_only)}", style="bold reverse")
        else:
            style = "bold" if self.save_status.startswith("not saved") else ""
            right.append(self.save_status, style=style)
        width = self.size.width
        gap = max(1, width - left.cell_len - right.cell_len)
        if left.cell_len + gap + right.cell_len > width:
            left.truncate(max(0, width - right.cell_len - 1), overflow="ellipsis")
            gap = max(1, width - left.cell_len - right.cell_len)
        return Text.assemble(left, " " * gap, right)
