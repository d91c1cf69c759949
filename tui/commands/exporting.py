"""`newsmark export --format F [-o OUT]`: write the database in an ecosystem format."""

from __future__ import annotations

import errno
import io
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from tui.commands.folder_export import write_folder
from tui.commands.options import db_option
from tui.formats import EXPORT_FORMATS

Snapshot = dict[str, list[dict[str, Any]]]  # the store's tables, as exporters read them
Exporter = Callable[..., Any]  # (snapshot, target, **options) -> report with .lines()

HELP = (
    """Export the annotations (and their documents' text) to another format.

Text formats go to standard output unless -o is given; what a format cannot
carry (overlaps in CoNLL, relations in JSONL, ...) is counted on stderr.
Offsets are Unicode code points; --offsets utf16 gives JavaScript string
offsets (JSONL formats only: jsonl, doccano, doccano-relations, prodigy).

\b
Formats:
"""
    + "\n".join(f"  {f.name:<17} {f.description}" for f in EXPORT_FORMATS.values())
    + """

\b
Examples:
  newsmark export --format jsonl > annotations.jsonl
  newsmark export --format w3c -o annotations.jsonld
  newsmark export --format doccano --offsets utf16 > doccano.jsonl
  newsmark export --format brat -o brat_project/
  newsmark export --format label-studio -o ls_project/
  newsmark export --format spacy -o train.spacy --db team.json
"""
)


@click.command("export", help=HELP)
@click.option(
    "--format",
    "-f",
    "format_name",
    required=True,
    type=click.Choice(list(EXPORT_FORMATS)),
    help="Output format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help=(
        "Output file (a directory for brat, label-studio, xmi); - for standard output. "
        "A symlink is written through to its target, a FIFO or device directly. "
        "Default: standard output."
    ),
)
@db_option
@click.option(
    "--offsets",
    type=click.Choice(["codepoint", "utf16"]),
    default="codepoint",
    show_default=True,
    help="Offset unit for the JSONL formats (W3C is always code points).",
)
def export_command(format_name: str, output: Path | None, db: Path | None, offsets: str) -> None:
    """Read a snapshot without taking the write lock (the app may stay open), then export it."""
    fmt = EXPORT_FORMATS[format_name]
    if offsets != "codepoint" and not fmt.utf16:
        utf16 = ", ".join(name for name, f in EXPORT_FORMATS.items() if f.utf16)
        raise click.UsageError(
            f"--offsets {offsets} applies to {utf16} only; {format_name} uses code points"
        )
    if output is not None and str(output) == "-":
        if fmt.target == "directory":
            raise click.UsageError(f"{format_name} writes several files: pass -o DIRECTORY, not -")
        output = None
        to_stdout = True
    else:
        to_stdout = False
    if fmt.target == "directory" and output is None:
        raise click.UsageError(f"{format_name} writes several files: pass -o DIRECTORY")
    if fmt.target == "file" and output is None and not to_stdout:
        raise click.UsageError(
            f"{format_name} output is binary: pass -o FILE (e.g. -o train.spacy)"
        )
    if fmt.target == "directory" and output is not None and output.exists() and not output.is_dir():
        raise click.UsageError(f"{output} is a file; {format_name} needs a directory for -o")
    if fmt.target == "file" and to_stdout and sys.stdout.isatty():
        raise click.UsageError(f"{format_name} output is binary: redirect -o - to a file or pipe")
    _refuse_database_as_output(output, db)
    snapshot = _read_snapshot(db)
    exporter: Exporter = fmt.load()
    options = {"offsets": offsets} if fmt.utf16 else {}
    try:
        if fmt.target == "directory":
            assert output is not None  # refused above
            report = write_folder(
                _real_target(output), lambda folder: exporter(snapshot, folder, **options)
            )
        elif output is None:
            report = _to_stdout(exporter, snapshot, options)
        else:
            report = _to_file(exporter, snapshot, options, output)
    except RuntimeError as error:  # e.g. spaCy missing: the message says what to install
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(_write_failure(output, error)) from None
    for line in report.lines():
        click.echo(line, err=True)


def _read_snapshot(db: Path | None) -> Snapshot:
    from tui.store import Store, StoreError, default_db_path

    path = default_db_path(db)
    if not path.is_file():
        raise click.ClickException(
            f"no database at {path}: annotate with `newsmark`, import with `newsmark import`, or pass --db FILE"
        )
    try:
        store = Store.open(path, read_only=True)
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    try:
        snapshot: Snapshot = store.snapshot()
        return snapshot
    finally:
        store.close()


def _refuse_database_as_output(output: Path | None, db: Path | None) -> None:
    """`-o` naming the database (or a link to it) would replace the annotations with the export."""
    from tui.store import default_db_path

    path = default_db_path(db)
    if output is None or not path.exists() or not output.exists():
        return
    try:
        same = os.path.samefile(output, path)
    except OSError:
        return
    if same:
        raise click.UsageError(
            f"-o {output} is the database itself; give another file name (the database was not changed)"
        )


def _write_failure(output: Path | None, error: OSError) -> str:
    """One line naming the target and the reason; a full disk is said plainly."""
    where = "standard output" if output is None else str(output)
    if error.errno == errno.ENOSPC:
        return f"could not write {where}: disk full (nothing else was changed)"
    return f"could not write {where}: {error.strerror or error}"


def _real_target(output: Path) -> Path:
    """Follow symlinks so the link stays a link and its target gets the export."""
    if not output.is_symlink():
        return output
    try:
        return output.resolve(strict=False)
    except (RuntimeError, OSError):  # a symlink loop (RuntimeError before Python 3.13)
        raise click.ClickException(
            f"{output} is a symlink loop; pass -o with a file name or -o - for standard output"
        ) from None


def _to_file(exporter: Exporter, snapshot: Snapshot, options: dict[str, Any], output: Path) -> Any:
    """Regular files: write beside the target and rename, so a failed export never leaves half a
    file; FIFOs and devices are written directly, never replaced by a regular file."""
    target = _real_target(output)
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise click.ClickException(f"{output} is a folder; pass -o with a file name")
    if mode is not None and not stat.S_ISREG(mode):
        with target.open("wb") as stream:
            report = exporter(snapshot, stream, **options)
        return report
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        with partial.open("wb") as stream:
            report = exporter(snapshot, stream, **options)
            if mode is not None:
                os.fchmod(stream.fileno(), stat.S_IMODE(mode))
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return report


def _to_stdout(exporter: Exporter, snapshot: Snapshot, options: dict[str, Any]) -> Any:
    """Pipes get the bytes as they are; a terminal gets article text made safe to display."""
    stdout = sys.stdout.buffer
    if not sys.stdout.isatty():
        report = exporter(snapshot, stdout, **options)
        stdout.flush()
        return report
    from tui.safe_text import visible

    buffer = io.BytesIO()
    report = exporter(snapshot, buffer, **options)
    stdout.write(visible(buffer.getvalue().decode("utf-8"), keep_newlines=True).encode("utf-8"))
    stdout.flush()
    return report
