"""`newsmark merge A.json B.json -o gold.json`: one database for adjudication from several."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from tui.analysis.merging import MergePlan, plan_merge
from tui.analysis.spans import load_annotator
from tui.store.errors import StoreError


def write_merged(plan: MergePlan, output: Path) -> dict[str, int]:
    """Write the plan into a new database; agreed spans `ok`, the rest `suggested` by annotator."""
    from tui.store import Store

    store = Store.open(output, annotator="merge")
    counts = {"agreed": 0, "suggested": 0, "relations": 0}
    try:
        with store.transaction("merge databases"):
            known = {label["name"] for label in store.labels()}
            for label in plan.labels:
                if label["name"] not in known:
                    store.add_label(
                        label["name"], label["kind"], label.get("hotkey"), label.get("color")
                    )
            entity_ids: dict[str, str] = {}
            for entity in plan.entities:
                made = store.add_entity(
                    entity["name"],
                    entity["type"],
                    aliases=entity.get("aliases", ()),
                    external_id=entity.get("external_id"),
                )
                entity_ids[str(entity["id"])] = made["id"]
            for doc in plan.documents:
                store.upsert_document(
                    str(doc["id"]),
                    text=str(doc["text"]),
                    path=doc.get("path"),
                    raw_sha256=doc.get("raw_sha256"),
                    cleaner_version=doc.get("cleaner_version"),
                    title=doc.get("title"),
                    metadata=doc.get("metadata"),
                    overrides=doc.get("overrides"),
                )
            ids: dict[Any, str] = {}
            for span in plan.spans:
                store.annotator = "+".join(span.annotators)
                record = store.add_annotation(
                    span.key.doc,
                    span.key.kind,
                    span.key.label,
                    span.key.start,
                    span.key.end,
                    attributes=span.attributes,
                    entity_id=entity_ids.get(str(span.record.get("entity_id"))),
                    source_start=span.record.get("source_start"),
                    source_end=span.record.get("source_end"),
                    state="ok" if span.agreed else "suggested",
                )
                ids[span.key] = record["id"]
                counts["agreed" if span.agreed else "suggested"] += 1
            store.annotator = "merge"
            for start, end, rel_type in plan.relations:
                store.add_relation(ids[start], ids[end], rel_type)
                counts["relations"] += 1
    finally:
        if not store.close():
            raise StoreError(f"could not save {output}: {store.status}")
    return counts


@click.command("merge")
@click.argument("databases", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="The merged database to write (must not exist).",
)
def merge_command(databases: tuple[Path, ...], output: Path) -> None:
    """Merge annotators' databases for adjudication.

    Spans (with claim type and stance) that every annotator made are kept; the others are kept
    as `suggested`, naming their annotators in attributes.annotators, for the adjudication view
    (`newsmark --db gold.json`, then `A` in the library).

    \b
    Examples:
      newsmark merge alice.json bob.json -o gold.json
      newsmark seeds --db gold.json                    then A in the library to adjudicate
    """
    from tui.commands.agree import annotator_names, read_snapshots

    paths = list(databases)
    if len(paths) < 2:
        click.echo(
            "error: give at least two databases, e.g. newsmark merge alice.json bob.json -o gold.json",
            err=True,
        )
        sys.exit(2)
    if output.exists():
        click.echo(
            f"error: {output} exists; give a new file name with -o (merge never overwrites).",
            err=True,
        )
        sys.exit(2)
    snapshots = read_snapshots(paths)
    annotators = [
        load_annotator(n, s) for n, s in zip(annotator_names(paths), snapshots, strict=True)
    ]
    plan = plan_merge(annotators, snapshots)
    try:
        counts = write_merged(plan, output)
    except (StoreError, ValueError) as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    for name, docs in plan.skipped.items():
        click.echo(
            f"note: {name}'s spans in {', '.join(docs)} were left out: their text differs from the first database's."
        )
    click.echo(
        f"{output}: {counts['agreed']} agreed span(s) kept, {counts['suggested']} disagreement(s) "
        f"kept as suggestions, {counts['relations']} relation(s); adjudicate with "
        f"`newsmark --db {output}` and `A` in the library."
    )
