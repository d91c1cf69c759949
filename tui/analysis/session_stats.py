"""Figures over the sessions table: active hours, articles and annotations per hour, by annotator and day."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass
class DayFigures:
    """One annotator's work on one (UTC) day, summed over their sessions that started that day."""

    annotator: str
    day: str
    sessions: int = 0
    active_seconds: float = 0.0
    opened: set[str] = field(default_factory=set)
    finished: set[str] = field(default_factory=set)
    added: int = 0
    changed: int = 0
    deleted: int = 0

    @property
    def active_hours(self) -> float:
        return self.active_seconds / 3600

    @property
    def per_hour(self) -> float | None:
        """Annotations added per active hour (None before any active time)."""
        return self.added / self.active_hours if self.active_seconds else None


@dataclass
class SessionFigures:
    days: list[DayFigures]
    by_label: Counter[str]  # annotations added per label
    by_day: dict[str, float]  # active hours per day, everyone together


def session_figures(sessions: Iterable[Mapping[str, Any]]) -> SessionFigures:
    rows: dict[tuple[str, str], DayFigures] = {}
    by_label: Counter[str] = Counter()
    by_day: dict[str, float] = defaultdict(float)
    for record in sessions:
        who = str(record.get("annotator") or "(unknown)")
        day = str(record.get("start", ""))[:10] or "(unknown)"
        row = rows.setdefault((who, day), DayFigures(who, day))
        row.sessions += 1
        seconds = float(record.get("active_seconds") or 0)
        row.active_seconds += seconds
        by_day[day] += seconds / 3600
        row.opened.update(record.get("articles_opened") or [])
        row.finished.update(record.get("articles_finished") or [])
        for label, counts in (record.get("annotations") or {}).items():
            row.added += int(counts.get("added", 0))
            row.changed += int(counts.get("changed", 0))
            row.deleted += int(counts.get("deleted", 0))
            by_label[str(label)] += int(counts.get("added", 0))
    return SessionFigures(
        sorted(rows.values(), key=lambda r: (r.annotator, r.day)),
        by_label,
        dict(sorted(by_day.items())),
    )


BARS = " ▁▂▃▄▅▆▇█"


def bar(value: float, largest: float, width: int = 20) -> str:
    """A horizontal bar of eighth blocks, `width` cells for the largest value."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = round(value / largest * width * 8)
    return "█" * (eighths // 8) + ("▏▎▍▌▋▊▉"[eighths % 8 - 1] if eighths % 8 else "")


def session_tables(figures: SessionFigures) -> list[Any]:
    """Per annotator and day, then annotations per label and hours per day as bars."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from tui.safe_text import visible

    count = sum(row.sessions for row in figures.days)
    days = Table(title=f"Sessions ({count})", box=box.SIMPLE_HEAD)
    days.caption = "hours: active; chg/del: changed/deleted; /h: added per active hour"
    for column in ("annotator", "day", "n", "hours", "opened", "done", "added"):
        days.add_column(
            column, justify="left" if column in ("annotator", "day") else "right", no_wrap=True
        )
    for column in ("chg", "del", "/h"):
        days.add_column(column, justify="right", no_wrap=True)
    if not count:
        days.caption = "no sessions recorded yet: they are written as you work in the app"
    for row in figures.days:
        days.add_row(
            Text(visible(row.annotator)),
            row.day,
            str(row.sessions),
            f"{row.active_hours:.2f}",
            str(len(row.opened)),
            str(len(row.finished)),
            str(row.added),
            str(row.changed),
            str(row.deleted),
            "-" if row.per_hour is None else f"{row.per_hour:.0f}",
        )
    labels = Table(title="Added per label")
    labels.add_column("label")
    labels.add_column("added", justify="right")
    labels.add_column("")
    top = max(figures.by_label.values(), default=0)
    for label, count in figures.by_label.most_common():
        labels.add_row(Text(visible(label)), str(count), bar(count, top))
    hours = Table(title="Hours per day")
    hours.add_column("day")
    hours.add_column("hours", justify="right")
    hours.add_column("")
    most = max(figures.by_day.values(), default=0.0)
    for day, value in figures.by_day.items():
        hours.add_row(day, f"{value:.2f}", bar(value, most))
    return [days, labels, hours]
