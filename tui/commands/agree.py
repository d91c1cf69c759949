"""`newsmark agree A.json B.json [...]`: how far annotators agree, per label, and where they differ."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tui.analysis.agreement import PRF, AgreementReport, agreement, report_json
from tui.analysis.spans import Annotator, Snapshot, load_annotator
from tui.safe_text import visible


def annotator_names(paths: list[Path]) -> list[str]:
    """The file stem (alice.json -> alice), or the whole path when two stems are the same."""
    stems = [p.stem for p in paths]
    return [
        stem if stems.count(stem) == 1 else str(p) for stem, p in zip(stems, paths, strict=True)
    ]


def read_snapshots(paths: list[Path]) -> list[Snapshot]:
    """Read each database read-only (never taking its write lock); one clear line if one is bad."""
    from tui.commands.read_db import read_snapshot

    return [
        read_snapshot(path, f"error: no database at {path}; give the annotators' --db files.")
        for path in paths
    ]


def load_databases(paths: list[Path]) -> list[Annotator]:
    names = annotator_names(paths)
    return [load_annotator(n, s) for n, s in zip(names, read_snapshots(paths), strict=True)]


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _render(report: AgreementReport) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False)
    docs = report.documents
    console.print(
        Text(f"{len(docs)} document(s) annotated by all of {', '.join(report.annotators)}: ")
        + Text(visible(", ".join(docs)) or "none")
    )
    for name, only in report.only_some.items():
        console.print(Text(visible(f"not compared, done only by some ({name}): {', '.join(only)}")))
    if not docs:
        console.print("Nothing to compare: tag the same articles in each database first.")
        return
    alpha = ", ".join(f"{layer} {_fmt(v)}" for layer, v in report.alpha.items())
    console.print(f"Krippendorff's alpha over tokens (all annotators): {alpha}")
    for pair in report.pairs:
        table = Table(title=visible(f"{pair.a} (reference) vs {pair.b}"))
        table.caption = "P R F1: exact match; P~ R~ F1~: overlapping spans of the same label"
        for column in ("label", "P", "R", "F1", "P~", "R~", "F1~", f"n {pair.a}", f"n {pair.b}"):
            table.add_column(visible(column), justify="left" if column == "label" else "right")
        for label, exact in pair.exact.items():
            over: PRF = pair.overlap[label]
            table.add_row(
                Text(visible(label)),
                *(_fmt(v) for v in (exact.precision, exact.recall, exact.f1)),
                *(_fmt(v) for v in (over.precision, over.recall, over.f1)),
                str(exact.reference),
                str(exact.predicted),
            )
        console.print(table)
        kappa = ", ".join(f"{layer} {_fmt(v)}" for layer, v in pair.kappa.items())
        console.print(f"  Cohen's kappa over tokens: {kappa}")
        console.print(
            f"  matched claims: type agrees {_fmt(pair.claim_type.ratio)} "
            f"({pair.claim_type.agreed}/{pair.claim_type.compared}), "
            f"stance agrees {_fmt(pair.stance.ratio)} ({pair.stance.agreed}/{pair.stance.compared})"
        )
        for rel_type, rel in pair.relations.items():
            console.print(
                f"  {rel_type} relations: F1 {_fmt(rel.f1)} "
                f"({rel.matched} shared, {rel.reference} vs {rel.predicted})"
            )
    if report.disagreements:
        console.print("Disagreements by document:")
    for doc, items in report.disagreements.items():
        console.print(Text(visible(f"  {doc}: {len(items)}")))
        for item in items:
            span = item.span
            extra = "/".join(x for x in (span.claim_type, span.stance) if x)
            quote = visible(item.quote.replace("\n", " "))
            if len(quote) > 60:
                quote = quote[:57] + "..."
            console.print(
                Text(
                    f"    {span.start}-{span.end} {visible(span.label)}"
                    + (f" ({visible(extra)})" if extra else "")
                    + f" {quote!r} only by {visible(', '.join(item.by))}"
                )
            )


@click.command("agree")
@click.argument("databases", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def agree_command(databases: tuple[Path, ...], as_json: bool) -> None:
    """Inter-annotator agreement between annotators' databases over the same corpus.

    Span precision/recall/F1 per label (exact and overlap match), Cohen's kappa (pairs) and
    Krippendorff's alpha (everyone) over tokens, claim type and stance agreement, same_claim
    and contradicts relations, and the disagreements by document. Databases are only read.

    \b
    Examples:
      newsmark agree alice.json bob.json               alice.json is the reference
      newsmark agree alice.json bob.json carol.json --json | jq .krippendorff_alpha_tokens
    """
    if len(databases) < 2:
        click.echo(
            "error: give at least two databases, e.g. newsmark agree alice.json bob.json", err=True
        )
        sys.exit(2)
    report = agreement(load_databases(list(databases)))
    if as_json:
        click.echo(json.dumps(report_json(report), indent=2, ensure_ascii=False))
    else:
        _render(report)
