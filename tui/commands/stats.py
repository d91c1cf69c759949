"""`newsmark stats`: documents, labels, annotators and progress as rich tables."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from rich.table import Table

from tui.safe_text import visible
from tui.store.paths import default_db_path
from tui.store.records import DOC_STATUSES


def build_tables(snapshot: dict[str, list[dict[str, Any]]], limit: int | None = 40) -> list[Table]:
    """Four rich Tables over a store snapshot; article text goes in as Text, never as markup."""
    from rich.table import Table
    from rich.text import Text

    def cell(value: object, width: int | None = None) -> Text:
        """Anything read from the file is data: never markup, never raw control characters."""
        text = visible(str(value if value is not None else ""))
        return Text(text[:width] if width else text)

    def one_line(text: Text) -> Text:
        """Long ids and titles end in an ellipsis, so each document is one row at 80 columns."""
        text.no_wrap, text.overflow = True, "ellipsis"
        return text

    docs, anns = snapshot["documents"], snapshot["annotations"]
    per_doc = Counter(a["document_id"] for a in anns)
    orphans = Counter(a["document_id"] for a in anns if a["state"] == "orphaned")

    documents = Table(title=f"Documents ({len(docs)})")
    for column in ("document", "title", "status", "entities", "claims", "orphaned"):
        # one line per document at 80 columns: long ids and titles end in an ellipsis instead of wrapping
        text_column = column in ("document", "title")
        documents.add_column(
            column,
            justify="left" if text_column or column == "status" else "right",
            no_wrap=not text_column,
        )
    kinds = Counter((a["document_id"], a["kind"]) for a in anns)
    shown = sorted(docs, key=lambda d: d["id"])
    if limit is not None and len(shown) > limit:
        documents.caption = f"{len(shown) - limit} more documents not shown (--all lists every one)"
        shown = shown[:limit]
    for doc in shown:
        documents.add_row(
            one_line(cell(doc["id"])),
            one_line(cell(doc.get("title"), 50)),
            cell(doc.get("status", "new")),
            str(kinds[(doc["id"], "entity")]),
            str(kinds[(doc["id"], "claim")]),
            str(orphans[doc["id"]]),
        )

    labels = Table(title="Labels")
    for column in ("label", "kind", "hotkey", "annotations"):
        labels.add_column(column, justify="right" if column == "annotations" else "left")
    used = Counter(a["label"] for a in anns)
    known = {label["name"] for label in snapshot["labels"]}
    for label in snapshot["labels"]:
        labels.add_row(
            cell(label["name"]),
            cell(label["kind"]),
            cell(label.get("hotkey")),
            str(used[label["name"]]),
        )
    for name in sorted(set(used) - known):
        labels.add_row(cell(name), "(not defined)", "", str(used[name]))

    annotators = Table(title="Annotators")
    for column in ("annotator", "entities", "claims", "documents", "last change"):
        annotators.add_column(
            column, justify="right" if column in ("entities", "claims", "documents") else "left"
        )
    by_who: dict[str, list[dict[str, Any]]] = {}
    for ann in anns:
        by_who.setdefault(ann.get("annotator") or "(unknown)", []).append(ann)
    for who, theirs in sorted(by_who.items()):
        annotators.add_row(
            cell(who),
            str(sum(a["kind"] == "entity" for a in theirs)),
            str(sum(a["kind"] == "claim" for a in theirs)),
            str(len({a["document_id"] for a in theirs})),
            cell(max(str(a.get("updated") or "") for a in theirs)),
        )

    progress = Table(title="Progress")
    progress.add_column("status")
    progress.add_column("documents", justify="right")
    progress.add_column("share", justify="right")
    statuses = Counter(d.get("status", "new") for d in docs)
    for status in DOC_STATUSES:
        share = f"{100 * statuses[status] / len(docs):.0f}%" if docs else "-"
        progress.add_row(status, str(statuses[status]), share)
    progress.add_row("annotated", str(sum(1 for d in docs if per_doc[d["id"]])), "")
    progress.add_row("orphaned annotations", str(sum(orphans.values())), "")
    return [documents, labels, annotators, progress]


@click.command("stats")
@click.option(
    "--db",
    "db",
    metavar="FILE",
    help="database file (default: $NEWSMARK_DB or annotations/annotations.json)",
)
@click.option("--all", "show_all", is_flag=True, help="list every document, not just the first 40")
@click.option(
    "--sessions",
    "sessions",
    is_flag=True,
    help="tagging sessions: active hours, articles and annotations/hour per annotator and day",
)
def stats_command(db: str | None, show_all: bool, sessions: bool) -> None:
    """Show documents, labels, annotators and progress (or, with --sessions, time spent).

    \b
    Examples:
      newsmark stats --db alice.json
      newsmark stats --all | less -R       every document, not just the first 40
      newsmark stats --sessions            hours and annotations per hour, per annotator and day
    """
    from rich.console import Console

    from tui.commands.read_db import read_snapshot

    path = default_db_path(db)
    missing = f"{path}: no database here yet; annotate something or pass --db FILE."
    snapshot = read_snapshot(path, missing, missing_code=1)
    console = Console()
    if sessions:
        from tui.analysis.session_stats import session_figures, session_tables

        if not snapshot.get("sessions"):  # not three empty tables
            click.echo(
                f"{path}: no tagging sessions recorded yet; the app records them as you work"
            )
            return
        for table in session_tables(session_figures(snapshot.get("sessions", []))):
            console.print(table)
        return
    for table in build_tables(snapshot, limit=None if show_all else 40):
        console.print(table)
