"""Time spent: the tagging sessions per annotator and day, with bars per label and per day."""

from __future__ import annotations

from rich.console import Group
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Sparkline, Static

from tui.analysis.session_stats import session_tables
from tui.workspace.session import Session


class TeamStatsScreen(Screen[None]):
    """The same figures as `newsmark stats --sessions`, this session included up to now."""

    BINDINGS = [
        Binding("escape,q,T", "close", "Back", id="stats.close"),
        Binding("r", "refresh_figures", "Refresh", id="stats.refresh"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="team-stats"):
            yield Static(id="team-stats-tables")
            yield Static("Active hours per day", classes="team-stats-caption")
            yield Sparkline([], id="team-stats-days")
        yield Footer()

    def on_mount(self) -> None:
        self.action_refresh_figures()

    def action_refresh_figures(self) -> None:
        figures = self.session.sessions.figures()
        self.query_one("#team-stats-tables", Static).update(Group(*session_tables(figures)))
        self.query_one("#team-stats-days", Sparkline).data = list(figures.by_day.values())

    def action_close(self) -> None:
        self.dismiss(None)
