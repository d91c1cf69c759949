"""HTML extraction with a time limit and a disk cache, so a hostile page cannot freeze the app.

trafilatura takes ~40 s on 200,000 unclosed `<a>` tags (2 MB). Pages over `INLINE_BELOW`
characters are extracted in a child process killed after `EXTRACT_SECONDS`; then the page is
shown as plain text (tags stripped) with a notice in its metadata. Big pages are cached by
the markup's sha256, so the next open (and the app after indexing) reads them at once.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from tui.documents import html as pages
from tui.documents.html import HtmlExtractionError

__all__ = ["EXTRACT_SECONDS", "INLINE_BELOW", "extract_limited"]

EXTRACT_SECONDS = 10.0
INLINE_BELOW = 128 * 1024  # characters; smaller pages extract in well under a second
_LAYOUT = 1
_TAG = re.compile(r"<[^<>]*>")  # [^<>]: a run of unclosed "<" stays linear
_BLOCK = re.compile(
    r"</?(?:p|div|br|h[1-6]|li|tr|title|article|section|blockquote|pre|table|ul|ol|header|footer)\b[^<>]*>",
    re.IGNORECASE,
)
_BLANKS = re.compile(r"[ \t\r\f\v]+")


def _version() -> str:
    from importlib.metadata import version

    return f"{_LAYOUT}-{version('trafilatura')}"


def _cache_path(cache_dir: Path, markup: str, url: str | None) -> Path:
    digest = hashlib.sha256(markup.encode("utf-8", "surrogatepass"))
    digest.update(f"\0{url or ''}\0{_version()}".encode())
    name = digest.hexdigest()
    return cache_dir / "html" / name[:2] / f"{name}.json"


def _cached(path: Path) -> tuple[str, dict[str, Any]] | None:
    try:
        record = orjson.loads(path.read_bytes())
        text, meta = record["text"], record["meta"]
    except (OSError, orjson.JSONDecodeError, KeyError, TypeError):
        return None
    if not isinstance(text, str) or not isinstance(meta, dict):
        return None
    return text, meta


def _remember(path: Path, text: str, meta: dict[str, Any]) -> None:
    """Write atomically; a cache that cannot be written only costs time at the next open."""
    from tui.file_modes import file_mode_in, folder_mode_for, make_folders, set_mode

    cache_dir = path.parent.parent.parent
    mode = file_mode_in(cache_dir)
    temp = path.with_name(f".tmp-{os.getpid()}-{threading.get_ident()}-{path.name}")
    try:
        make_folders(path.parent, folder_mode_for(mode) if mode is not None else None)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        set_mode(fd, mode)
        with os.fdopen(fd, "wb") as stream:
            stream.write(orjson.dumps({"text": text, "meta": meta}))
        os.replace(temp, path)
    except OSError:
        temp.unlink(missing_ok=True)


def plain_text(markup: str) -> str:
    """The page's text with every tag removed and a line per block: fast whatever the markup."""
    markup = _BLOCK.sub("\n", markup)
    text = html.unescape(_TAG.sub(" ", markup))
    lines = (_BLANKS.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _in_child(markup: str, url: str | None, seconds: float) -> tuple[str, dict[str, Any]] | None:
    """extract_html in a child process; None when it runs over `seconds` (the child is killed)."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", "tui.documents.html_limit", url or ""],
            input=markup.encode("utf-8", "surrogatepass"),
            capture_output=True,
            timeout=seconds,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    try:
        answer = orjson.loads(done.stdout)
    except orjson.JSONDecodeError:
        raise HtmlExtractionError(
            f"the HTML extraction process failed (exit status {done.returncode})"
        ) from None
    if "error" in answer:
        raise HtmlExtractionError(str(answer["error"]))
    return str(answer["text"]), dict(answer["meta"])


def extract_limited(
    markup: str,
    url: str | None = None,
    *,
    cache_dir: Path | None = None,
    seconds: float | None = None,
    on_notice: Callable[[str], None] | None = None,
) -> tuple[str, dict[str, Any]]:
    """`extract_html` that returns within about `seconds`, reusing an earlier slow result."""
    seconds = EXTRACT_SECONDS if seconds is None else seconds
    path = _cache_path(cache_dir, markup, url) if cache_dir is not None else None
    if path is not None and (hit := _cached(path)) is not None:
        text, meta = hit
        if meta.get("notice") and on_notice is not None:
            on_notice(str(meta["notice"]))
        return text, meta
    if len(markup) < INLINE_BELOW:
        text, meta = pages.extract_html(markup, url)
    else:
        result = _in_child(markup, url, seconds)
        if result is None:
            text = plain_text(markup)
            if not text:
                raise HtmlExtractionError("no text found in the HTML")
            notice = f"HTML extraction took over {seconds:g} s: shown as plain text"
            meta = {"notice": notice, **({"url": url} if url else {})}
            if on_notice is not None:
                on_notice(notice)
        else:
            text, meta = result
    if path is not None and len(markup) >= INLINE_BELOW:  # small pages are not worth a file
        _remember(path, text, meta)
    return text, meta


def _child_main() -> None:
    """Run by `_in_child`: the markup on stdin, the url as argument; answers {text, meta} or {error}."""
    markup = sys.stdin.buffer.read().decode("utf-8", "surrogatepass")
    try:
        text, meta = pages.extract_html(markup, sys.argv[1] or None)
        answer: dict[str, Any] = {"text": text, "meta": meta}
    except HtmlExtractionError as error:
        answer = {"error": str(error)}
    sys.stdout.buffer.write(orjson.dumps(answer, default=str, option=orjson.OPT_NON_STR_KEYS))


if __name__ == "__main__":
    _child_main()
