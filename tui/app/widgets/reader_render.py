"""Turn one screen line of the reader into a Strip, layering kind, annotations, selection and cursor.

Article text only ever becomes `Segment`s of already `visible()` text: nothing is parsed as
markup and no control code reaches the terminal.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from tui.safe_text import visible

from .reader_layout import BLANK, NOTE_INLINE, NOTE_OWN_LINE, Layout
from .reader_types import Span

__all__ = ["Palette", "SpanIndex", "palette_of", "render_line", "GUTTER", "CLAIM_BAR"]

GUTTER = 2  # cells left of the text: a bar marks lines inside a claim
CLAIM_BAR = "▌"


@dataclass(frozen=True)
class Palette:
    """Rich styles resolved from the widget's component classes (theme variables)."""

    base: Style
    cursor: Style
    cursor_idle: Style  # the cursor while another widget of the screen has focus
    selection: Style
    title: Style
    meta: Style
    dropped: Style
    header: Style
    note: Style
    claim_bar: Style
    suggested: Style  # added over a suggested span's label style

    def for_kind(self, kind: str) -> Style:
        style = {
            "title": self.title,
            "meta": self.meta,
            "dropped": self.dropped,
            "header": self.header,
        }.get(kind)
        return self.base + style if style else self.base


@dataclass(frozen=True)
class _Placed:
    start: int
    end: int
    span: Span
    style: Style
    bar: Style | None  # gutter style when this is a claim


def _span_styles(span: Span) -> tuple[Style, Style | None]:
    """Parse the caller's style; claims are underlined and get a gutter bar in their colour."""
    try:
        style = Style.parse(span.style) if span.style else Style()
    except Exception:  # a bad colour in a label record must not break reading
        style = Style()
    if span.kind != "claim":
        return style, None
    colour = style.bgcolor or style.color
    return style + Style(underline=True), Style(color=colour) if colour else None


def _component(widget: Widget, name: str, *, background: bool = False) -> Style:
    """A component style with theme colours blended (Rich has no alpha), keeping only what it sets."""
    full = widget.get_component_rich_style(name)
    partial = widget.get_component_rich_style(name, partial=True)
    if background:
        blended: Style = partial.without_color + Style(bgcolor=full.bgcolor)
        return blended
    return partial.without_color + Style(color=full.color) if partial.color else partial


def palette_of(widget: Widget) -> Palette:
    """Resolve the reader's component classes (theme variables in newsmark.tcss) into Rich styles."""

    def get(name: str, background: bool = False) -> Style:
        return _component(widget, name, background=background)

    return Palette(
        base=widget.rich_style,
        cursor=get("reader--cursor"),
        cursor_idle=get("reader--cursor-idle", background=True),
        selection=get("reader--selection", background=True),
        title=get("reader--title"),
        meta=get("reader--meta"),
        dropped=get("reader--dropped"),
        header=get("reader--header"),
        note=get("reader--note"),
        claim_bar=widget.rich_style + get("reader--claim-bar"),
        suggested=get("reader--suggested"),
    )


def _order(placed: _Placed) -> tuple[int, int]:
    return placed.start, -placed.end


class SpanIndex:
    """Spans placed at reader positions, sorted so a line finds its spans by bisection.

    Built once per layout; a label key then calls `add`/`remove`, which cost a bisection and a
    list insert instead of placing and sorting every span again.
    """

    def __init__(
        self, spans: Iterable[Span], layout: Layout, previous: SpanIndex | None = None
    ) -> None:
        # Reuse what an earlier index over the same layout already placed.
        known = previous.by_span if previous is not None and previous.layout is layout else {}
        self.layout: Layout = layout
        self.by_span: dict[Span, _Placed | None] = {}
        placed = []
        for span in spans:
            item = known[span] if span in known else self._place(span)
            self.by_span[span] = item
            if item is not None:
                placed.append(item)
        placed.sort(key=_order)
        self.placed = placed
        self.starts = [p.start for p in placed]
        self.max_length = max((p.end - p.start for p in placed), default=0)
        self.by_id = {p.span.id: p for p in placed}

    def _place(self, span: Span) -> _Placed | None:
        start, end = self.layout.to_position(span.start), self.layout.to_position(span.end)
        return _Placed(start, end, span, *_span_styles(span)) if end > start else None

    def add(self, span: Span) -> _Placed | None:
        """Place one more span (after any with the same range); None if it covers no text."""
        item = self._place(span)
        self.by_span[span] = item
        if item is not None:
            index = bisect_right(self.placed, _order(item), key=_order)
            self.placed.insert(index, item)
            self.starts.insert(index, item.start)
            self.max_length = max(self.max_length, item.end - item.start)
            self.by_id[span.id] = item
        return item

    def remove(self, span: Span) -> _Placed | None:
        """Take a span out; returns where it was placed (None if it was not shown)."""
        item = self.by_span.pop(span, None)
        if item is None:
            return None
        if self.by_id.get(span.id) is item:
            del self.by_id[span.id]
        index = bisect_left(self.starts, item.start)
        while self.placed[index] is not item:
            index += 1
        del self.placed[index]
        del self.starts[index]
        return item  # max_length stays an upper bound: overlapping() stays correct

    def overlapping(self, start: int, end: int) -> list[_Placed]:
        low = bisect_left(self.starts, start - self.max_length)
        high = bisect_left(self.starts, max(end, start + 1))
        return [p for p in self.placed[low:high] if p.end > start]


def render_line(
    layout: Layout,
    line: int,
    width: int,
    spans: SpanIndex,
    cursor: tuple[int, int] | None,
    selection: tuple[int, int] | None,
    palette: Palette,
    idle: bool = False,
) -> Strip:
    """Build the Strip for screen `line`, exactly `width` cells wide."""
    block_index, a, b, note = layout.lines[line]
    if block_index == BLANK:
        return Strip.blank(width, palette.base)
    block = layout.blocks[block_index]
    text = layout.texts[block_index]
    base = layout.vstarts[block_index]
    start, end = base + a, base + b
    kind_style = palette.for_kind(block.kind)
    placed = spans.overlapping(start, end) if end > start else []
    bars = [
        palette.base + p.bar if p.bar else palette.claim_bar
        for p in placed
        if p.span.kind == "claim"
    ]
    segments = [
        Segment(CLAIM_BAR, bars[-1]) if bars else Segment(" ", palette.base),
        Segment(" " * (GUTTER - 1), palette.base),
    ]
    if note != NOTE_OWN_LINE and end > start:
        cursor_style = palette.cursor_idle if idle else palette.cursor
        segments.extend(
            _text_segments(
                text,
                base,
                start,
                end,
                kind_style,
                placed,
                cursor,
                selection,
                palette.selection,
                cursor_style,
                palette.suggested,
            )
        )
    if note in (NOTE_INLINE, NOTE_OWN_LINE) and block.note:
        gap = "  " if note == NOTE_INLINE and end > start else ""
        segments.append(Segment(gap + visible(block.note), palette.base + palette.note))
    return Strip(segments).adjust_cell_length(width, palette.base)


def _text_segments(
    text: str,
    base: int,
    start: int,
    end: int,
    kind_style: Style,
    placed: list[_Placed],
    cursor: tuple[int, int] | None,
    selection: tuple[int, int] | None,
    selection_style: Style,
    cursor_style: Style,
    suggested_style: Style,
) -> list[Segment]:
    """Split [start, end) at every style boundary and style each piece."""
    cuts = {start, end}
    ranges = [(p.start, p.end) for p in placed]
    for extra in (cursor, selection):
        if extra:
            ranges.append(extra)
    for low, high in ranges:
        if start < low < end:
            cuts.add(low)
        if start < high < end:
            cuts.add(high)
    # Outer spans first so the innermost span's background wins; claims keep their underline.
    layered = sorted(placed, key=lambda p: p.start - p.end)
    ordered = sorted(cuts)
    out = []
    for low, high in zip(ordered, ordered[1:], strict=False):
        style = kind_style
        for p in layered:
            if p.start <= low and high <= p.end:
                style = style + p.style + suggested_style if p.span.suggested else style + p.style
        if selection and selection[0] <= low and high <= selection[1]:
            style = style + selection_style
        if cursor and cursor[0] <= low and high <= cursor[1]:
            style = style + cursor_style
        out.append(Segment(text[low - base : high - base], style))
    return out
