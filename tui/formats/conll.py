"""CoNLL-2003 BIO for flat entity mentions: `token -X- -X- TAG`, one token per line."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import BinaryIO

import regex

from tui.formats.common import ExportReport, Record, Snapshot, count_raw_offsets, iter_documents

DOCSTART = "-DOCSTART- -X- -X- O\n\n"
# Words are runs of grapheme clusters that start with a word character (so "Jose\u0301" and
# "Zoe\u0308" stay whole); any other cluster (a ZWJ emoji, a flag, punctuation) is a token.
_TOKEN = regex.compile(r"(?:(?=\w)\X)+(?:['’-](?:(?=\w)\X)+)*|(?=\S)\X")
_SENTENCE_END = {".", "!", "?", "…"}


def tag_name(label: str) -> str:
    """Columns are space-separated, so a label's whitespace becomes `_`."""
    return re.sub(r"\s+", "_", label.strip()) or "MISC"


def flat_entities(annotations: list[Record], report: ExportReport) -> list[Record]:
    """Keep entity mentions that do not overlap an earlier (longer-first) one; count the rest."""
    kept: list[Record] = []
    last_end = -1
    for annotation in annotations:  # sorted by (start, -end)
        if annotation.get("kind") == "claim":
            report.lost("claims (CoNLL carries flat entities only)")
            if annotation.get("attributes"):
                report.lost("claim attribute sets (speaker, cue, type, stance, note)")
            continue
        if annotation["start"] < last_end:
            report.lost("overlapping or nested entity mentions (BIO is flat)")
            continue
        kept.append(annotation)
        last_end = annotation["end"]
    return kept


def tokens(text: str, boundaries: set[int]) -> list[tuple[int, int]]:
    """Word and punctuation tokens, split wherever a mention starts or ends inside a word.

    The boundaries are sorted once and bisected per token: scanning them all for every token
    took 1 s for one 53,000-character article with 2,400 mentions (now 0.01 s).
    """
    cuts = sorted(boundaries)
    out = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        index = bisect_right(cuts, start)
        while index < len(cuts) and cuts[index] < end:
            out.append((start, cuts[index]))
            start = cuts[index]
            index += 1
        out.append((start, end))
    return out


def export_conll(snapshot: Snapshot, out: BinaryIO) -> ExportReport:
    """Write every document (after a -DOCSTART- line), sentences separated by blank lines."""
    report = ExportReport("conll")
    for document, doc_annotations in iter_documents(snapshot, report):
        text = document.get("text") or ""
        mentions = flat_entities(doc_annotations, report)
        boundaries = {a["start"] for a in mentions} | {a["end"] for a in mentions}
        spans = tokens(text, boundaries)
        out.write(DOCSTART.encode())
        out.write(_document_lines(text, spans, mentions).encode("utf-8"))
        report.annotations += len(mentions)
        if any(_TOKEN.search(text[a["start"] : a["end"]]) is None for a in mentions):
            report.lost("mentions covering no word or punctuation token")
    report.lost("relations (CoNLL has no links)", len(snapshot.get("relations", [])))
    report.lost(
        "entity links to the registry (entity_id)",
        sum(
            1
            for a in snapshot.get("annotations", [])
            if a.get("entity_id") and a.get("state", "ok") == "ok"
        ),
    )
    count_raw_offsets(snapshot, report)
    report.lost("annotation ids, annotators and times", report.annotations)
    report.lost("document ids and metadata (only -DOCSTART- separators)", report.documents)
    return report


def _document_lines(text: str, spans: list[tuple[int, int]], mentions: list[Record]) -> str:
    lines: list[str] = []
    index = 0
    inside: Record | None = None
    previous_end = 0
    for start, end in spans:
        while index < len(mentions) and mentions[index]["end"] <= start:
            index += 1
        mention = (
            mentions[index] if index < len(mentions) and mentions[index]["start"] <= start else None
        )
        if (
            lines
            and lines[-1]
            and "\n" in text[previous_end:start]
            and (mention is None or mention is not inside)
        ):
            lines.append("")  # a line break ends a sentence
        if mention is None:
            tag = "O"
        else:
            tag = ("I-" if mention is inside else "B-") + tag_name(mention.get("label") or "")
        inside = mention
        lines.append(f"{_column(text[start:end])} -X- -X- {tag}")
        previous_end = end
        if mention is None and text[start:end] in _SENTENCE_END:
            lines.append("")
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n\n" if lines else ""


def _column(token: str) -> str:
    """A token is one column: CoNLL readers split on whitespace, which tokens never contain."""
    return token if token != "-DOCSTART-" else "-DOCSTART-_"
