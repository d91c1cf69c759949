"""`newsmark import PATH...`: read doccano/Prodigy JSONL, brat standoff or a native export into the database."""

from __future__ import annotations

from pathlib import Path

import click

from tui.commands.options import db_option, follow_links_option
from tui.formats import IMPORT_FORMATS
from tui.formats.common import utf8_json
from tui.formats.imported import Imported

MAX_WARNINGS = 20
FOLDER_READERS = ("brat", "xmi")  # they walk folders, by the corpus rule for symlinks

HELP = """Import annotated documents into the database.

Documents keep their text exactly as in the files (it is not cleaned again);
annotations, relations and entity links come along. Importing the same file
twice adds nothing the second time.

\b
Formats (detected from the path, or forced with --format):
  jsonl   newsmark, Prodigy or doccano JSONL: "spans", doccano's "label":
          [[start, end, label]] or "entities" + "relations" (also --format
          doccano or prodigy)
  brat    a folder of .txt + .ann pairs, or one .ann file
  json    a `newsmark export --format json` file (or another newsmark database)
  label-studio
          Label Studio's JSON export (a list of tasks) or a folder with tasks.json;
          predictions come in as suggestions
  xmi     UIMA CAS XMI (INCEpTION/WebAnno): a folder of .xmi with TypeSystem.xml,
          or INCEpTION's exported .zip

\b
Examples:
  newsmark import prodigy_output.jsonl
  newsmark import brat_project/ --db team.json
  newsmark import backup.json
  newsmark import project-3-at-2026-01-02.json     # a Label Studio JSON export
  newsmark import inception_xmi/
"""


def detect_format(path: Path) -> str:
    """Pick a reader from the path: folders and .ann are brat, .jsonl is JSONL, .json is native."""
    suffix = path.suffix.lower()
    if path.is_dir() and (path / "tasks.json").is_file():
        return "label-studio"
    if suffix in (".xmi", ".zip") or (path.is_dir() and any(path.glob("*.xmi"))):
        return "xmi"
    if (
        path.is_dir()
        or suffix == ".ann"
        or (suffix == ".txt" and path.with_suffix(".ann").is_file())
    ):
        return "brat"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".json":
        return "label-studio" if _starts_with_list(path) else "json"
    raise click.ClickException(
        f"{path}: cannot tell its format from the name; pass --format "
        + ", ".join(IMPORT_FORMATS)
        + " (plain articles are opened with `newsmark PATH`, not imported)"
    )


def _starts_with_list(path: Path) -> bool:
    """Label Studio exports a JSON list of tasks; a newsmark export is one object."""
    try:
        with path.open("rb") as stream:
            head = stream.read(4096)
    except OSError:
        return False
    try:
        head = utf8_json(head)  # a byte order mark, or UTF-16 from a Windows tool
    except UnicodeDecodeError:
        pass  # cut inside a character: the parser will say what is wrong
    return head.lstrip(b" \t\r\n")[:1] == b"["


@click.command("import", help=HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "format_name",
    type=click.Choice(["auto", *IMPORT_FORMATS]),
    default="auto",
    show_default=True,
    help="Input format.",
)
@db_option
@click.option("--annotator", default=None, help="Name recorded on the imported annotations.")
@follow_links_option
def import_command(
    paths: tuple[Path, ...],
    format_name: str,
    db: Path | None,
    annotator: str | None,
    follow_links: bool,
) -> None:
    """Read every PATH first (so a bad file imports nothing), then insert in one undo step."""
    from tui.formats.into_store import apply_import
    from tui.safe_text import visible
    from tui.store import Store, StoreError, default_db_path

    for path in paths:  # before opening anything: a FIFO would block, a device never end
        if not (path.is_dir() or path.is_file()):
            raise click.ClickException(
                f"{visible(str(path))} is not a regular file or folder; nothing was imported"
            )
    names = [detect_format(p) if format_name == "auto" else format_name for p in paths]
    db_path = default_db_path(db)
    batch = None
    if not db_path.exists():  # read first, with the default labels: a failed import creates nothing
        from tui.store.records import default_labels

        kinds = {label["name"]: label["kind"] for label in default_labels()}
        batch = _read_all(paths, names, kinds, follow_links)
    try:
        store = Store.open(db_path, annotator=annotator)
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    try:
        if store.read_only:
            raise click.ClickException(
                f"{db_path} is being written by {store.lock_holder or 'another newsmark'}; close it and import again"
            )
        if batch is None:
            kinds = {label["name"]: label["kind"] for label in store.labels()}
            batch = _read_all(paths, names, kinds, follow_links)
        try:
            summary = apply_import(store, batch)
        except StoreError as error:
            raise click.ClickException(f"{error}; nothing was imported") from None
        saved = store.flush(timeout=60.0)
    finally:
        ok = store.close()
    for warning in summary.warnings[:MAX_WARNINGS]:
        click.echo(f"warning: {visible(warning)}", err=True)  # ids and labels come from the files
    if len(summary.warnings) > MAX_WARNINGS:
        click.echo(
            f"warning: ... and {len(summary.warnings) - MAX_WARNINGS} more warnings", err=True
        )
    for line in summary.lines():
        click.echo(line, err=True)
    if not (saved and ok):
        raise click.ClickException(
            f"the import could not be saved to {db_path} ({store.status}); check disk space and permissions"
        )
    click.echo(f"saved to {db_path}", err=True)


def _read_all(
    paths: tuple[Path, ...], names: list[str], kinds: dict[str, str], follow_links: bool
) -> Imported:
    """Every file read into one batch, or one line saying which file failed and why."""
    from tui.formats import load_reader
    from tui.safe_text import visible

    batch = Imported()
    for path, name in zip(paths, names, strict=True):
        try:
            folder_options = {"follow_links": follow_links} if name in FOLDER_READERS else {}
            batch.extend(load_reader(name)(path, label_kinds=kinds, **folder_options))
        except UnicodeDecodeError as error:  # before ValueError, its base: name the file
            raise click.ClickException(
                f"{visible(str(path))}: not readable as {error.encoding} ({error.reason});"
                " save it as UTF-8 and import again; nothing was imported"
            ) from None
        except (ValueError, OSError) as error:
            raise click.ClickException(f"{error}; nothing was imported") from None
    if not batch.documents:  # say why each file gave nothing before the verdict
        for warning in batch.warnings[:MAX_WARNINGS]:
            click.echo(f"warning: {visible(warning)}", err=True)
        raise click.ClickException(
            "no documents found in " + ", ".join(map(str, paths)) + "; nothing was imported"
        )
    return batch
