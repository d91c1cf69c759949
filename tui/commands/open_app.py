"""`newsmark [PATH...]`: open the reader/annotator app on a corpus."""

from __future__ import annotations

from pathlib import Path

import click

from tui.commands.options import db_option, follow_links_option


@click.command("open")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@db_option
@click.option(
    "--annotator",
    default=None,
    help="Name recorded on your annotations (default: $NEWSMARK_ANNOTATOR or login).",
)
@click.option(
    "--keymap",
    "keymap_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),  # a typo is said, not ignored
    default=None,
    help="Keymap TOML file (default: $NEWSMARK_CONFIG or ~/.config/newsmark/keymap.toml).",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where cleaned articles are cached (default: .cache next to the database).",
)
@follow_links_option
def open_command(
    paths: tuple[Path, ...],
    db: Path | None,
    annotator: str | None,
    keymap_path: Path | None,
    cache_dir: Path | None,
    follow_links: bool,
) -> None:
    """Open PATH... (files or folders; default seeds/) in the app.

    \b
    Examples:
      newsmark                             the seeds, saved to annotations/annotations.json
      newsmark corpus/ --db alice.json --annotator alice
      newsmark crawl.jsonl --cache-dir /tmp/newsmark-cache
    """
    from tui.app.app import KeymapError, create_app
    from tui.process_tuning import interactive_start
    from tui.store import StoreError
    from tui.store.paths import default_db_path

    if not paths:
        default = Path("seeds")
        if not default.is_dir():
            raise click.UsageError("no PATH given and no seeds/ folder here; run `newsmark FOLDER`")
        paths = (default,)
    try:
        with interactive_start():
            app = create_app(
                list(paths),
                default_db_path(db),
                annotator=annotator,
                cache_dir=cache_dir,
                keymap_path=keymap_path,
                follow_links=follow_links,
            )
    except (KeymapError, StoreError) as error:
        raise click.ClickException(str(error)) from None
    app.run()
    report_skipped(app.skipped)
    if app.unsaved:
        raise click.ClickException(
            f"the last changes were not saved ({app.unsaved}); the database file "
            "holds everything up to the last 'saved'"
        )


def report_skipped(messages: list[str]) -> None:
    """The library's status line has room for one unreadable file; all of them go to stderr here."""
    from tui.safe_text import visible

    for message in messages:
        click.echo(f"newsmark: {visible(message)}", err=True)
