"""Store annotations -> reader spans, styled from the label records so colours stay data."""

from __future__ import annotations

from tui.app.widgets.reader_types import Span


def label_styles(labels: list[dict]) -> dict[str, str]:
    """Rich style per label: entities on a coloured background, claims underlined in colour."""
    styles = {}
    for label in labels:
        color = label.get("color") or ""
        if label.get("kind") == "claim":
            styles[label["name"]] = f"italic underline {color}".strip()
        else:
            styles[label["name"]] = f"bold {color}".strip()
    return styles


def to_spans(annotations: list[dict], labels: list[dict], cache: dict | None = None) -> list[Span]:
    """Placed annotations become spans; orphaned ones have no place in the text and are left out.

    `cache` (annotation id -> Span) lets a key press rebuild only the spans that changed: building
    thousands of frozen dataclasses per label key would cost more than the repaint itself.
    """
    styles = label_styles(labels)
    cache = {} if cache is None else cache
    spans = []
    for a in annotations:
        if a.get("state", "ok") == "orphaned" or a["start"] >= a["end"]:
            continue
        span = cache.get(a["id"])
        style = styles.get(a["label"], "bold")
        if a.get("state") == "suggested":  # a ghost to accept or reject: dim, no bold
            style = "dim underline " + style.replace("bold", "").replace(
                "italic underline", "italic"
            )
        if (
            span is None
            or span.start != a["start"]
            or span.end != a["end"]
            or span.label != a["label"]
            or span.style != style
        ):
            span = cache[a["id"]] = Span(
                a["id"], a["start"], a["end"], a["label"], a["kind"], style
            )
        spans.append(span)
    return spans
