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
        right = Text()
        right.append(visible(self.annotator))
        right.append("  ")
        if self.read_only is not None:
            holder = self.read_only.split(" since ")[
                0
            ]  # the start time is in the toast; keep the line short
            right.append(f"read-only: held by {visible(holder)}", style="bold reverse")
        else:
            right.append(
                self.save_status, style="bold" if self.save_status.startswith("not saved") else ""
            )
        right.truncate(max(12, self.size.width // 2), overflow="ellipsis")
        extra = Text()
        if self.mode:
            extra.append("  ")
            extra.append(f" {self.mode} ", style="reverse")
        if self.message:
            extra.append("  ")
            extra.append(visible(self.message), style="italic")
        width = self.size.width
        # The message is what the user just caused, so the article title gives way first.
        position = Text(visible(self.position), style="bold")
        room = width - right.cell_len - extra.cell_len - 1
        if position.cell_len > room:
            position.truncate(max(12, room), overflow="ellipsis")
        left = Text.assemble(position, extra)
        if left.cell_len + right.cell_len + 1 > width:
            left.truncate(max(0, width - right.cell_len - 1), overflow="ellipsis")
        return Text.assemble(left, " " * max(1, width - left.cell_len - right.cell_len), right)
