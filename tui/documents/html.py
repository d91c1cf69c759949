"""Article text and metadata out of saved web pages, via trafilatura rather than our own parser.

What offsets mean for HTML: `Document.raw` of an HTML article is the text trafilatura
extracted (the title line, a blank line, then one paragraph per line), and every offset
(`source_start`/`source_end`, `Cleaned.offsets`) points into that string, not into the
markup. The way back to the markup is best-effort: `source_lines` finds where each
extracted line starts in the decoded HTML, which is enough to show a user the spot.
"""

from __future__ import annotations

import html as html_escapes
import re
from typing import Any
from urllib.parse import urlsplit

__all__ = ["extract_html", "source_lines", "site_of", "HtmlExtractionError"]

_TAG = re.compile(r"<[^>]*>")
_PAGE = re.compile(r"<(html|body|head)\b", re.IGNORECASE)


class HtmlExtractionError(ValueError):
    """trafilatura found no article text in the page."""


def site_of(url: str | None) -> str | None:
    """The host of a URL without a leading www, e.g. "reuters.com"."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).hostname
    return host.removeprefix("www.") if host else None


def extract_html(markup: str, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """Return (text, meta): the title line + blank line + main text, and title/date/author/url/source."""
    import trafilatura

    if not _PAGE.search(markup[:4096]):
        markup = f"<html><body>{markup}</body></html>"  # a fragment (common in JSONL dumps)
    try:
        result = trafilatura.bare_extraction(
            markup, url=url, with_metadata=True, include_comments=False, include_tables=True
        )
        body = str(getattr(result, "text", None) or "")
        if not body.strip():
            body = trafilatura.html2txt(markup) or ""
    except Exception as error:  # lxml/trafilatura raise many types on broken markup
        raise HtmlExtractionError(
            f"trafilatura could not read the HTML ({type(error).__name__})"
        ) from error
    if not body.strip():
        raise HtmlExtractionError("no article text found in the HTML")
    title = str(getattr(result, "title", None) or "").strip()
    meta = {
        "title": title or None,
        "date": getattr(result, "date", None),
        "author": getattr(result, "author", None),
        "url": getattr(result, "url", None) or url,
        "source": getattr(result, "sitename", None),
    }
    if meta["date"] and str(meta["date"]).endswith("-01-01") and not _dated_in_markup(markup):
        meta["date"] = (
            None  # htmldate's last resort turns "Copyright 2024" into 2024-01-01: not a date
        )
    meta["source"] = meta["source"] or site_of(meta["url"])
    meta = {key: value for key, value in meta.items() if value}
    first_line = body.lstrip().split("\n", 1)[0].strip()
    text = body if not title or first_line == title else f"{title}\n\n{body}"
    return text, meta


def source_lines(markup: str, text: str, probe: int = 24) -> list[int | None]:
    """Best-effort offset in `markup` where each line of extracted `text` starts (None if not found).

    Searches the first `probe` characters of each line, in order, in the markup with tags
    blanked out and entities decoded; a line whose words were split by inline tags may not
    be found.
    """
    # Blank tags with spaces of the same length so offsets in `plain` are offsets in `markup`.
    plain = _TAG.sub(lambda match: " " * len(match.group()), markup)
    positions: list[int | None] = []
    cursor = 0
    for line in text.split("\n"):
        needle = line.strip()[:probe]
        if not needle:
            positions.append(None)
            continue
        found = plain.find(needle, cursor)
        if found < 0:
            found = plain.find(html_escapes.escape(needle, quote=False), cursor)
        if found < 0:
            positions.append(None)
            continue
        positions.append(found)
        cursor = found + len(needle)
    return positions


def _dated_in_markup(markup: str) -> bool:
    """Whether the page states a date itself (meta tags, time elements, URL), not just a copyright year."""
    from htmldate import find_date

    try:
        return find_date(markup, extensive_search=False) is not None
    except Exception:  # htmldate on broken markup: treat as undated rather than fail the article
        return False
