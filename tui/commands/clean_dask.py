"""`newsmark clean PATH... --dask ADDRESS|local --output DIR`: clean on a Dask cluster into Parquet."""

from __future__ import annotations

import sys

import click

from tui.safe_text import visible


def run_dask(
    paths: tuple[str, ...],
    address: str | None,
    output: str | None,
    jobs: int,
    follow_links: bool = False,
) -> None:
    """Check the options, start or reach the cluster, clean, and say where the corpus is."""
    from tui.corpus.dask_clean import DaskMissing, client_for, run
    from tui.corpus.parallel import resolve_jobs
    from tui.corpus.parquet import ParquetMissing

    if address is None or output is None:
        raise click.UsageError(
            "--dask and --output go together: newsmark clean PATH... --dask local --output DIR"
        )

    def report(message: str) -> None:
        click.echo(visible(message), err=True)

    try:
        client = client_for(address, resolve_jobs(jobs))
    except (DaskMissing, ParquetMissing) as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    except OSError as error:  # no scheduler at that address
        click.echo(f"error: cannot reach the Dask scheduler at {address} ({error})", err=True)
        sys.exit(2)
    try:
        summary = run(list(paths), output, client, report, follow_links=follow_links)
    except (ValueError, DaskMissing, ParquetMissing) as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    finally:
        client.close()
    rate = summary.articles / summary.seconds if summary.seconds else 0.0
    click.echo(
        f"{output}: {summary.articles} articles in {summary.parts} Parquet part(s), "
        f"{summary.seconds:.1f} s ({rate:.0f} articles/s); open it with `newsmark {output}`"
    )
