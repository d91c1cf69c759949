"""`newsmark check [--repair]`: validate the database, list orphans, restore from a backup."""

from __future__ import annotations

import sys

import click

from tui.safe_text import visible
from tui.store.check import CheckReport, check, repair
from tui.store.errors import StoreError
from tui.store.paths import default_db_path
from tui.store.records import SINGULAR  # "1 relation", not "1 relations"


def _say(line: str = "", err: bool = False) -> None:
    """Every line may quote the file (ids, labels, error text): show control characters, never send them."""
    click.echo(visible(line, keep_newlines=True), err=err)


def _print_report(report: CheckReport) -> None:
    if not report.exists:
        _say(f"{report.path}: no database here yet (it is created when you first annotate).")
        return
    if report.parse_error:
        # the store's wording ends "Run `newsmark check` for details, or ...": this is that check
        found, _, _ = report.parse_error.partition(" Run `newsmark check")
        _say(f"DAMAGED: {found}")
        _say(
            f"`newsmark check --repair --db {report.path}` restores the newest good backup"
            " (the damaged file is kept beside it, nothing is deleted)."
        )
        return
    for problem in report.schema_problems:
        _say(f"schema: {problem}")
    if report.schema_problems:
        _say(
            f"DAMAGED: {report.path} does not match the schema; `newsmark check --repair` restores the newest good backup."
        )
        return
    counts = ", ".join(
        f"{n} {table if n != 1 else SINGULAR.get(table, table)}"
        for table, n in report.counts.items()
        if table != "meta" and (n or table != "sessions")  # files made before sessions have none
    )
    for problem in report.problems:
        _say(f"problem: {problem}")
    verdict = "OK" if report.ok else f"{len(report.problems)} PROBLEM(S)"
    _say(f"{report.path}: {verdict}" + (f" ({counts})" if counts else ""))
    if report.orphans:
        _say(
            f"{len(report.orphans)} orphaned annotation(s) could not be placed after their text changed;"
        )
        _say(
            "open the document in newsmark: Tab lists its annotations, x deletes the highlighted one;"
        )
        _say("to re-place one, tag the right words again, then delete the orphan:")
        for ann in sorted(
            report.orphans, key=lambda a: (a.get("document_id", ""), a.get("start", 0))
        ):
            quote = visible(str(ann.get("exact", ""))[:60])
            _say(
                f"  {visible(str(ann.get('document_id')))}  {visible(str(ann.get('label')))}  [{ann.get('start')}, {ann.get('end')})  {quote!r}  id={ann.get('id')}"
            )


@click.command("check")
@click.option(
    "--db",
    "db",
    metavar="FILE",
    help="database file (default: $NEWSMARK_DB or annotations/annotations.json)",
)
@click.option(
    "--repair",
    "do_repair",
    is_flag=True,
    help="restore the newest good backup if the file is damaged (nothing is deleted)",
)
def check_command(db: str | None, do_repair: bool) -> None:
    """Validate the annotation database and list orphaned annotations.

    Exit status: 0 when the file is sound (or not created yet), 1 when it lists problems to fix
    by hand (an annotation whose document or entity is missing, ...), 2 when it is damaged.

    \b
    Examples:
      newsmark check --db alice.json
      newsmark check --repair              restore the newest good backup (the damaged file is kept)
    """
    path = default_db_path(db)
    report = check(path)
    _print_report(report)
    if do_repair and (report.damaged or not report.exists):
        try:
            _say(repair(path))
        except StoreError as error:
            _say(f"error: {error}", err=True)
            sys.exit(2)
        report = check(path)
        _print_report(report)
    if report.damaged:
        sys.exit(2)
    if not report.ok and report.exists:
        sys.exit(1)
