"""`newsmark clean PATH...`: print what the cleaner keeps, as text, JSON, or line-by-line reasons.

Article text is untrusted, so everything from an article goes through `safe_text.visible`
before it reaches the terminal, and Rich output is built from `Text` objects, never markup.
"""

from __future__ import annotations

import re
import sys
from functools import partial
from typing import TYPE_CHECKING, Any

import click

from tui.commands.options import follow_links_option

if TYPE_CHECKING:
    from rich.console import Console

    from tui.cleaning import Cleaned
    from tui.documents import Document

from tui.safe_text import visible

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_STYLES = {"title": "bold", "content": "", "meta": "cyan", "boilerplate": "dim"}


def _json_safe(encoded: str) -> str:
    """Escape the code points orjson leaves raw (C1, DEL, bidi, zero-width...) as \\uXXXX."""
    shown = visible(encoded, keep_newlines=True)
    if shown == encoded:
        return encoded
    out = []
    for original, replaced in zip(encoded, shown, strict=True):
        if original == replaced:
            out.append(original)
            continue
        code = ord(original)
        if code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:  # JSON spells astral code points as a surrogate pair
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
    return "".join(out)


def _record(document: Document, cleaned: Cleaned) -> dict[str, Any]:
    from tui.cleaning import CLEANER_VERSION

    return {
        "id": document.id,
        "path": document.path,
        "title": cleaned.title,
        "meta": {**cleaned.meta, **document.meta},
        "body": cleaned.body,
        "text": cleaned.text,
        "lines": [
            {
                "number": line.number,
                "start": line.start,
                "end": line.end,
                "decision": line.decision,
                "reason": line.reason,
                "text_start": line.text_start,
                "overridden": line.overridden,
            }
            for line in cleaned.lines
        ],
        "raw_sha256": document.raw_sha256,
        "encoding": document.encoding,
        "cleaner_version": CLEANER_VERSION,
    }


def _json_line(document: Document, cleaned: Cleaned) -> str:
    """One `--json` line (built in a worker process when cleaning in parallel)."""
    import orjson

    return _json_safe(orjson.dumps(_record(document, cleaned)).decode())


def _text_block(several: bool, document: Document, cleaned: Cleaned) -> str:
    """One document's plain output: a header when there are several, the text, a blank line."""
    header = f"==> {visible(document.id)} <==\n" if several else ""
    return f"{header}{visible(cleaned.text, keep_newlines=True)}\n"


def _explain(console: Console, document: Document, cleaned: Cleaned) -> None:
    """Print every raw line with its number, the cleaner's decision and the reason."""
    from rich.text import Text

    header = Text(f"== {visible(document.id)} ", style="bold reverse")
    console.print(header, soft_wrap=True)
    facts = {**cleaned.meta, **document.meta}
    shown = ", ".join(
        f"{key}: {visible(str(value))}"
        for key, value in facts.items()
        if key in ("title", "date", "author", "section", "source", "url") and value
    )
    if shown:
        console.print(Text(shown, style="italic"), soft_wrap=True)
    decisions = {line.number: line for line in cleaned.lines}
    number_width = len(str(len(decisions) and max(decisions)))
    raw_lines = _LINE_BREAK.split(document.raw)
    if raw_lines and not raw_lines[-1]:
        raw_lines.pop()  # a final line break ends the last line; it does not start another
    for number, raw_line in enumerate(raw_lines, start=1):
        line = decisions.get(number)
        if line is None:
            if raw_line.strip():
                label, reason, style = "?", "", "red"  # the cleaner did not report this line
            else:
                console.print(Text(f"{number:>{number_width}}", style="dim"), soft_wrap=True)
                continue
        else:
            label, reason, style = line.decision, line.reason or "", _STYLES.get(line.decision, "")
            if line.overridden:
                reason = f"{reason} (override)".strip()
        row = Text(f"{number:>{number_width}} {label:<11} {reason:<18} ", style=style or "")
        row.append(Text("| ", style="dim"))
        row.append(Text(visible(raw_line), style=style or ""))
        console.print(row, soft_wrap=True)
    console.print()


_EPILOG = """\b
Examples:
  newsmark clean seeds/                     cleaned text of every article
  newsmark clean --explain seeds/001_*.txt  each raw line, kept or dropped, and why
  newsmark clean --json dump.jsonl | jq .title

Files that cannot be loaded (binary, empty, over 20 MB, broken JSONL lines) are
reported on stderr, one line each, and skipped. A document the cleaner kept no
text of is named on stderr too, and printed empty (--explain shows why). Exit
status: 0 when at least one document was printed, 1 when nothing could be
loaded, 2 when no article file was found.
"""


@click.command("clean", epilog=_EPILOG)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="print one JSON object per document (id, title, meta, body, text, lines)",
)
@click.option(
    "--explain", is_flag=True, help="show every raw line with the cleaner's decision and reason"
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="colour --explain output (auto: only when stdout is a terminal)",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="processes to clean with (0: every local core; small inputs stay in one process)",
)
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS|local",
    default=None,
    help="clean on a Dask cluster (scheduler address, or 'local'); needs --output",
)
@click.option(
    "--output",
    "output",
    metavar="DIR",
    default=None,
    help="with --dask: write partitioned Parquet here (local folder or fsspec URL)",
)
@follow_links_option
def clean_command(
    paths: tuple[str, ...],
    as_json: bool,
    explain: bool,
    color: str,
    jobs: int,
    dask_address: str | None,
    output: str | None,
    follow_links: bool,
) -> None:
    """Print the cleaned text of articles in PATHS (.txt, .html, .htm, .jsonl files or folders)."""
    from tui.corpus.parallel import clean_sources, render_sources, resolve_jobs
    from tui.documents import discover

    if dask_address is not None or output is not None:
        from tui.commands.clean_dask import run_dask

        run_dask(paths, dask_address, output, jobs, follow_links)
        return

    if as_json and explain:
        raise click.UsageError("use either --json or --explain, not both")
    console: Console | None = None
    if explain:
        from rich.console import Console

        force = {"always": True, "never": False}.get(color)
        console = Console(
            force_terminal=force,
            no_color=color == "never",
            highlight=False,
            markup=False,
            emoji=False,
        )

    reported: list[str] = []

    def report(message: str) -> None:
        reported.append(message)
        click.echo(visible(message), err=True)

    sources = list(discover(paths, report, follow_links=follow_links))
    if not sources:
        if not reported:  # e.g. an empty folder: say what was looked for
            report(f"newsmark clean: no .txt, .html, .htm or .jsonl files in {' '.join(paths)}")
        sys.exit(2)
    printed = 0
    several = len(sources) > 1 or any(source.kind == "jsonl" for source in sources)
    workers = resolve_jobs(jobs)
    if explain:
        assert console is not None  # made above for --explain
        for document, cleaned in clean_sources(sources, workers, report):
            _explain(console, document, cleaned)
            printed += 1
    else:
        render = _json_line if as_json else partial(_text_block, several)
        for block in render_sources(sources, workers, report, render):
            click.echo(block)
            printed += 1
    if not printed:
        report("newsmark clean: nothing could be loaded (see the lines above)")
        sys.exit(1)
