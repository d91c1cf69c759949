"""`newsmark suggest PATH...`: fill the database with suggestions for a whole corpus, headless."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tui.commands.options import db_option, follow_links_option

HELP = """Suggest entities and claims for every article under PATH (state "suggested").

Suggestions are shown in the app dimmed; a key accepts or rejects each. Nothing is
accepted here, rejected spans are never suggested again, and exports skip suggestions.

\b
Sources (the registry and claim cues when none is named):
  --gazetteer     registry names and aliases (Aho-Corasick), linked to the entity
  --claims        quotes and reported speech split into content, cue and speaker
  --model NAME    an installed spaCy pipeline (pip install 'newsmark[ner]')

\b
Examples:
  newsmark suggest seeds/ --gazetteer
  newsmark suggest corpus/ --model en_core_web_sm --label-map NORP=GPE
"""


def parse_label_map(pairs: tuple[str, ...]) -> dict[str, str] | None:
    """`SPACY=OURS` pairs on top of the default map; `SPACY=` drops a label; a value may hold
    several, comma-separated, as $NEWSMARK_LABEL_MAP does."""
    if not pairs:
        return None
    from tui.analysis.model import DEFAULT_LABEL_MAP

    mapping = dict(DEFAULT_LABEL_MAP)
    for pair in (part.strip() for value in pairs for part in value.split(",") if part.strip()):
        source, sep, target = pair.partition("=")
        if not sep or not source:
            raise click.BadParameter(f"{pair!r}: write SPACY_LABEL=OUR_LABEL, e.g. NORP=GPE")
        if target:
            mapping[source] = target
        else:
            mapping.pop(source, None)
    return mapping


@click.command("suggest", help=HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--gazetteer", is_flag=True, help="Suggest registry names and aliases.")
@click.option("--claims", is_flag=True, help="Suggest quoted and reported claims.")
@click.option("--model", "model_name", default=None, help="An installed spaCy pipeline name.")
@click.option(
    "--label-map",
    "label_map",
    multiple=True,
    help="SPACY=OURS: map a spaCy label to ours (NORP=GPE) or drop it (DATE=); several"
    " as NORP=GPE,DATE= (like $NEWSMARK_LABEL_MAP) or by repeating the option.",
)
@db_option
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where cleaned articles are cached (default: .cache next to the database).",
)
@follow_links_option
def suggest_command(
    paths: tuple[Path, ...],
    gazetteer: bool,
    claims: bool,
    model_name: str | None,
    label_map: tuple[str, ...],
    db: Path | None,
    cache_dir: Path | None,
    follow_links: bool,
) -> None:
    """Record each article as the app would (its status stays as it was), then add its suggestions."""
    from tui.analysis.model import load_pipeline
    from tui.formats.common import progress
    from tui.safe_text import visible
    from tui.store.paths import default_db_path
    from tui.wording import plural
    from tui.workspace.session import Session, StoreError

    if not (gazetteer or claims or model_name):
        gazetteer = claims = True
    mapping = parse_label_map(label_map)
    try:
        nlp = load_pipeline(model_name) if model_name else None
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    db_path = default_db_path(db)
    try:
        session = Session.open(db_path, annotator="newsmark suggest")
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    added = done = 0
    interrupted = False
    entries = []
    try:
        if session.read_only:
            raise click.ClickException(
                f"{db_path} is being written by {session.lock_holder or 'another newsmark'}; close it and run suggest again"
            )
        cache = cache_dir or db_path.parent / ".cache"
        errors: list[str] = []
        session.follow_links = follow_links
        entries = list(session.index([str(p) for p in paths], cache, on_error=errors.append))
        if not entries:
            for message in errors:
                click.echo(f"newsmark: {visible(message)}", err=True)
            raise click.ClickException(
                "no .txt, .html, .htm or .jsonl articles found in "
                + " ".join(visible(str(p)) for p in paths)
            )
        service = session.suggestions
        try:
            for entry in progress(entries, "suggesting", len(entries)):
                try:
                    article = session.record(entry)
                except Exception as error:  # an unreadable file is reported, the rest goes on
                    errors.append(f"{entry.id}: {error}")
                    done += 1
                    continue
                proposals = []
                if gazetteer:
                    proposals += service.registry_proposals(article.id)
                if nlp is not None:
                    proposals += service.model_proposals(article.id, nlp, model_name or "", mapping)
                if claims:
                    proposals += service.claim_proposals(article.id)
                added += len(service.add(article.id, proposals))
                done += 1
        except KeyboardInterrupt:  # Ctrl+C: what is done is saved below, and said
            interrupted = True
        for message in errors:
            click.echo(f"newsmark: {visible(message)}", err=True)
        saved = session.flush(timeout=60.0)
    finally:
        ok = session.close()
    if not (saved and ok):
        raise click.ClickException(f"the suggestions could not be saved to {db_path}")
    suggestions = plural(added, "suggestion")
    if interrupted:
        click.echo(
            f"interrupted after {done} of {len(entries)} articles: {suggestions} saved"
            f" to {db_path}; run the same command again to finish (nothing is suggested twice)",
            err=True,
        )
        sys.exit(130)
    click.echo(f"{suggestions} added to {db_path} (open the app to accept or reject)")
