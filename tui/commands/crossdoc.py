"""`newsmark entities` and `newsmark claims`: the registry and claims compared across outlets."""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import asdict
from typing import Any

import click
import orjson

from tui.commands.read_db import open_read_only
from tui.safe_text import visible
from tui.store import Store, default_db_path
from tui.wording import plural
from tui.workspace.claims import ClaimComparison
from tui.workspace.registry import EntityRegistry

DB_OPTION = click.option(
    "--db",
    "db",
    metavar="FILE",
    help="database file (default: $NEWSMARK_DB or annotations/annotations.json)",
)


def read_only_store(db: str | None) -> AbstractContextManager[Store]:
    """The database named by --db, read-only; one clear line when it cannot be read."""
    path = default_db_path(db)
    missing = f"error: no database at {path}; annotate something or pass --db FILE."
    return open_read_only(path, missing)


def emit_json(value: Any) -> None:
    click.echo(orjson.dumps(value, option=orjson.OPT_INDENT_2).decode())


@click.command("entities")
@DB_OPTION
@click.option("--similar", is_flag=True, help="pairs of entities that are probably one, with why")
@click.option("--json", "as_json", is_flag=True, help="print JSON for scripts")
def entities_command(db: str | None, similar: bool, as_json: bool) -> None:
    """List the corpus-wide entity registry, or (--similar) same-entity candidates.

    \b
    Examples:
      newsmark entities --db team.json
      newsmark entities --similar          pairs to merge or keep apart (R, then c, in the app)
      newsmark entities --json | jq -r '.[] | select(.type == "PERSON") | .name'
    """
    with read_only_store(db) as store:
        registry = EntityRegistry(store)
        if similar:
            candidates = registry.candidates()
            if as_json:
                emit_json([asdict(c) for c in candidates])
                return
            if not candidates:
                click.echo("no same-entity candidates")
            for c in candidates:
                click.echo(visible(f"{c.score:.2f}  {c.a_name}  ~  {c.b_name}   ({c.reason})"))
            return
        rows = registry.entities()
        if as_json:
            emit_json([asdict(row) for row in rows])
            return
        if not rows:
            click.echo("no entities yet: link a mention in the reader, or merge speakers")
        for row in rows:
            aliases = f"  aka {', '.join(row.aliases)}" if row.aliases else ""
            where = f"{plural(row.mentions, 'mention')} in {plural(len(row.documents), 'article')}"
            line = f"{row.name} [{row.type}]  {where}{aliases}"
            click.echo(visible(line))


@click.command("claims")
@DB_OPTION
@click.option("--similar", is_flag=True, help="clusters of near-duplicate claims across articles")
@click.option("--json", "as_json", is_flag=True, help="print JSON for scripts")
def claims_command(db: str | None, similar: bool, as_json: bool) -> None:
    """List every claim, or (--similar) claims that say the same thing in several articles.

    \b
    Examples:
      newsmark claims --db team.json
      newsmark claims --similar            clusters across outlets, attribution differences marked
      newsmark claims --json | jq length
    """
    with read_only_store(db) as store:
        comparison = ClaimComparison(store)
        if similar:
            clusters = comparison.clusters()
            if as_json:
                emit_json([_cluster_json(c) for c in clusters])
                return
            if not clusters:
                click.echo("no claim is repeated across articles (tag claims with c in the reader)")
            for cluster in clusters:
                flag = "  ATTRIBUTION DIFFERS" if cluster.attribution_differs else ""
                click.echo(
                    f"cluster {cluster.id}: {len(cluster.claims)} claims in {cluster.documents} articles{flag}"
                )
                for claim in cluster.claims:
                    who = claim.speaker_text or "?"
                    click.echo(
                        visible(f"  [{claim.document_title[:40]}] {who}: {claim.content[:90]}")
                    )
                for difference in cluster.differing:
                    click.echo(visible(f"  ! {difference}"))
            return
        rows = comparison.claims()
        if as_json:
            emit_json([_claim_json(row) for row in rows])
            return
        for row in rows:
            state = "" if row.state == "ok" else f" ({row.state})"
            click.echo(
                visible(
                    f"[{row.document_title[:40]}] {row.speaker_text or '?'}: {row.quote[:100]}{state}"
                )
            )


def _claim_json(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "document": row.document_id,
        "title": row.document_title,
        "quote": row.quote,
        "content": row.content,
        "attribution": row.attribution,
        "speaker": {"text": row.speaker_text, "entity_id": row.speaker_entity},
        "type": row.type,
        "stance": row.stance,
        "source": row.source,
        "date": row.date,
        "state": row.state,
        "relations": [{"type": t, "claim": other} for t, other in row.relations],
    }


def _cluster_json(cluster: Any) -> dict[str, Any]:
    return {
        "id": cluster.id,
        "documents": cluster.documents,
        "attribution_differs": cluster.attribution_differs,
        "differing": list(cluster.differing),
        "claims": [_claim_json(c) for c in cluster.claims],
        "pairs": [
            {
                "a": p.a.id,
                "b": p.b.id,
                "score": p.score,
                "relation": p.relation,
                "differences": list(p.differences),
            }
            for p in cluster.pairs
        ],
    }
