"""The `newsmark` command: opens the app, or runs a headless subcommand.

Subcommands live in `tui/commands/` and are imported only when invoked, so a
headless command never pays for (or imports) Textual.
"""

from __future__ import annotations

import difflib
import importlib
import os
import signal
import sys

import click

from tui import __version__

# name -> "module:attribute" of a click command; loaded lazily.
SUBCOMMANDS: dict[str, str] = {
    "open": "tui.commands.open_app:open_command",
    "clean": "tui.commands.clean:clean_command",
    "import": "tui.commands.importing:import_command",
    "export": "tui.commands.exporting:export_command",
    "check": "tui.commands.check:check_command",
    "stats": "tui.commands.stats:stats_command",
    "agree": "tui.commands.agree:agree_command",
    "merge": "tui.commands.merge:merge_command",
    "suggest": "tui.commands.suggest:suggest_command",
    "entities": "tui.commands.crossdoc:entities_command",
    "claims": "tui.commands.crossdoc:claims_command",
}

HELP = """Read and annotate news articles from the keyboard.

\b
  newsmark [PATH...]          open the app on PATH (default: seeds/)
  newsmark clean PATH...      print cleaned article text
  newsmark import PATH...     import annotations (JSONL, brat, Label Studio, XMI, JSON)
  newsmark export --format F  export annotations
  newsmark stats              documents, labels, annotators and progress
  newsmark check [--repair]   validate the database, restore a backup
  newsmark agree A.json B.json  inter-annotator agreement
  newsmark merge A.json B.json -o gold.json  agreed spans + suggestions to adjudicate
  newsmark suggest PATH...    suggest entities and claims to accept in the app
  newsmark entities [--similar]  the entity registry, or same-entity candidates
  newsmark claims [--similar]    every claim, or the same claim across outlets
  newsmark COMMAND --help     help for one command
"""


class NewsmarkGroup(click.Group):
    """A group whose bare arguments (paths) mean `newsmark open PATH...`."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(SUBCOMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = SUBCOMMANDS.get(name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name == module_name:
                return None
            raise
        command: click.Command = getattr(module, attribute)
        return command

    def invoke(self, ctx: click.Context) -> object:
        """A database the store refuses (a FIFO, a device, a folder...) is one line, exit 2."""
        from tui.store.errors import StoreError

        try:
            return super().invoke(ctx)
        except StoreError as error:
            click.echo(f"error: {error}", err=True)
            ctx.exit(2)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (
            args[0] not in SUBCOMMANDS and args[0] not in ("--help", "-h", "--version")
        ):
            if args and not os.path.exists(args[0]):
                close = difflib.get_close_matches(args[0], SUBCOMMANDS, n=1, cutoff=0.6)
                if close:  # `newsmark exprot` is a typo, not a folder to open
                    raise click.UsageError(
                        f"no file or folder {args[0]!r}; did you mean `newsmark {close[0]}`?", ctx
                    )
            args = ["open", *args]
        return super().parse_args(ctx, args)


@click.group(cls=NewsmarkGroup, help=HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsmark")
def cli() -> None:
    """Entry point group; see HELP."""


def _stop(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def _unwind_on_terminate(args: list[str]) -> None:
    """SIGTERM or SIGHUP (`kill`, `timeout`, a closed terminal) end a headless command the way
    Ctrl+C does, through its `finally` blocks: a half-written export folder is removed and what
    suggest or import has done is saved, instead of the process vanishing mid-way."""
    if args and args[0] in SUBCOMMANDS and args[0] != "open":  # the app keeps Textual's handling
        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGHUP, _stop)


def main(argv: list[str] | None = None) -> None:
    """Run the command line, turning a broken pipe into a quiet exit and any other file error a
    command did not foresee (a 5,000-character name, a loop) into one line instead of a traceback."""
    _unwind_on_terminate(sys.argv[1:] if argv is None else argv)
    try:
        cli.main(args=argv, prog_name="newsmark")
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
    except OSError as error:
        from tui.safe_text import visible

        name = str(error.filename) if error.filename is not None else ""
        if len(name) > 120:
            name = f"{name[:60]}...{name[-40:]}"
        reason = error.strerror or str(error)
        click.echo(f"Error: {visible(name)}: {reason}" if name else f"Error: {reason}", err=True)
        sys.exit(1)
