"""Turn the scrapinghub article-extraction benchmark into a held-out part for the dev set's scorer: 181
news pages from sites the cleaner was never tuned on, with hand-made gold bodies (and each page's <h1>
as its gold title, its HTML metadata's author and date, as trafilatura reads them, as gold for the author
and date columns: noisy, a job or outlet sometimes joins the name and some dates are UTC's day). A change to the cleaner
is kept only if it does not lower the dev parts; this part shows whether it helps where it was not aimed.

The pages are third-party and are not in the repository: clone github.com/scrapinghub/article-extraction-
benchmark (its html/*.html.gz and ground-truth.json), then render them to plain text the way the dev set's
pages were (lxml: block elements and <br> start a line; scripts, styles and hidden elements skipped):

    python scripts/heldout_pages.py BENCHMARK_CHECKOUT OUT_DIR
    python ../shared/cleaning-dev/score.py --data OUT_DIR --func tui.cleaning:clean --bootstrap 0 --worst 10

(the pages are scored like the English rd-* part: 4-gram shingle P/R/F1 against the gold body).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

import lxml.html

_BLOCK = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html label legend li main menu "
    "nav ol option p pre section select summary table tbody td tfoot th thead title tr ul button".split()
)
_SKIPPED = frozenset(
    "script style noscript template head svg iframe object embed canvas math".split()
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPACE = re.compile(r"\s+")


def _hidden(element: lxml.html.HtmlElement) -> bool:
    return (
        element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
        or _HIDDEN_STYLE.search(element.get("style") or "") is not None
    )


def render(markup: str) -> str:
    """Every visible block of the page on its own line."""
    lines: list[str] = []
    run: list[str] = []

    def close_line() -> None:
        text = _SPACE.sub(" ", "".join(run)).strip()
        if text:
            lines.append(text)
        run.clear()

    def walk(element: lxml.html.HtmlElement) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else None
        if tag is not None and tag not in _SKIPPED and not _hidden(element):
            block = tag in _BLOCK
            if block or tag == "br":
                close_line()
            if element.text and tag != "br":
                run.append(element.text)
            for child in element:
                walk(child)
            if block:
                close_line()
        if element.tail:
            run.append(element.tail)

    walk(lxml.html.fromstring(markup))
    close_line()
    return "\n".join(lines) + "\n"


def headline(markup: str) -> str | None:
    """The page's first non-empty <h1>, whitespace collapsed: the headline a reader sees, as gold for
    the title (the benchmark's gold has bodies only; on 4 of 181 pages there is no <h1>, and on a few
    the <h1> is the site's name)."""
    for element in lxml.html.fromstring(markup).iter("h1"):
        text = _SPACE.sub(" ", element.text_content()).strip()
        if text:
            return text
    return None


def page_metadata(markup: str) -> dict[str, str | None]:
    """The author and date the page's own HTML metadata gives (meta tags, JSON-LD), as trafilatura reads them."""
    import trafilatura

    found = trafilatura.extract_metadata(markup)
    return {"author": getattr(found, "author", None), "date": getattr(found, "date", None)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "checkout", type=Path, help="a clone of scrapinghub/article-extraction-benchmark"
    )
    parser.add_argument(
        "out", type=Path, help="folder to write sh-*.txt, sh-*.gold.txt, manifest.json"
    )
    args = parser.parse_args()
    gold = json.loads((args.checkout / "ground-truth.json").read_text(encoding="utf-8"))
    args.out.mkdir(parents=True, exist_ok=True)
    names = []
    for page in sorted((args.checkout / "html").glob("*.html.gz")):
        key = page.name.split(".")[0]
        raw = gzip.decompress(page.read_bytes())
        try:
            markup = raw.decode("utf-8")
        except UnicodeDecodeError:
            markup = raw.decode("latin-1")
        name = f"sh-{key[:10]}"
        (args.out / f"{name}.txt").write_text(render(markup), encoding="utf-8")
        (args.out / f"{name}.gold.txt").write_text(gold[key]["articleBody"], encoding="utf-8")
        known = {"title": headline(markup), **page_metadata(markup)}
        known = {k: v for k, v in known.items() if v}
        if known:  # scored like the dev pages' metadata: the scorer reads meta.title/author/date
            meta = {"url": gold[key].get("url"), "meta": known}
            (args.out / f"{name}.snippets.json").write_text(
                json.dumps(meta, ensure_ascii=False), encoding="utf-8"
            )
        names.append((name, bool(known)))
    manifest = {
        "sources": {"readability": "scrapinghub/article-extraction-benchmark"},
        "pages": [
            {"name": n, "dataset": "readability", "gold": True, "snippets": titled}
            for n, titled in names
        ],
    }
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    print(f"{len(names)} pages written to {args.out}")


if __name__ == "__main__":
    main()
