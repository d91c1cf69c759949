"""A reader that parses .ann files the way brat's server/src/annotation.py does (for the tests).

Follows nlplab/brat server/src/annotation.py (`Annotations._parse_ann_file`,
`TextAnnotations._parse_textbound_annotation`, `_parse_normalization_annotation`): files are
read through codecs, whose readline breaks lines where `str.splitlines` does; each line is
`ID<TAB>DATA[<TAB>TAIL]`; a text-bound line's text must equal its fragments joined by one space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DISCONT_SEP = " "


@dataclass
class BratParse:
    """What brat would have read: parsed lines by id prefix, and the lines it failed on."""

    textbounds: dict[str, tuple[str, list[tuple[int, int]], str]] = field(default_factory=dict)
    relations: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    attributes: dict[str, tuple[str, str, str | None]] = field(default_factory=dict)
    normalizations: dict[str, tuple[str, str, str, str]] = field(default_factory=dict)
    comments: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    failed: list[str] = field(default_factory=list)


def parse_ann(ann: str, document_text: str) -> BratParse:
    """Parse an .ann file's content against its document text, as brat's server does."""
    result = BratParse()
    seen: set[str] = set()
    for line in ann.splitlines(keepends=True):
        if "\t" not in line:
            result.failed.append(line)
            continue
        ident, tail = line.split("\t", 1)
        if ident in seen or not re.fullmatch(r"[TRAMN#E*][0-9]*", ident):
            result.failed.append(line)
            continue
        seen.add(ident)
        if "\t" in tail:
            index = tail.index("\t")
            data, data_tail = tail[:index], tail[index:]
        else:
            data, data_tail = tail, ""
        try:
            _parse(ident, data, data_tail, document_text, result)
        except (ValueError, IndexError):
            result.failed.append(line)
    return result


def _parse(ident: str, data: str, data_tail: str, text: str, result: BratParse) -> None:
    kind = ident[0]
    if kind == "T":
        label, rest = data.split(" ", 1)
        spans = []
        for piece in rest.split(";"):
            start_str, end_str = piece.split(" ", 2)
            end_str = end_str.rstrip()
            if any(c.isspace() for c in end_str):
                raise ValueError("space instead of tab")
            start, end = int(start_str), int(end_str)
            if start > end or start < 0 or end > len(text):
                raise ValueError("offsets")
            for other_start, other_end in spans:
                if end >= other_start and start < other_end:
                    raise ValueError("fragments overlap")
            spans.append((start, end))
        span_length = sum(e - s for s, e in spans) + (len(spans) - 1) * len(DISCONT_SEP)
        if data_tail[:1] != "\t" or span_length > len(data_tail) - 1:
            raise ValueError("text missing")
        covered = data_tail[1 : span_length + 1]
        after = data_tail[span_length + 1 :]
        if covered != DISCONT_SEP.join(text[s:e] for s, e in spans):
            raise ValueError("text mismatch")
        if after and not after[0].isspace():
            raise ValueError("text not separated")
        result.textbounds[ident] = (label, spans, covered)
    elif kind == "R":
        kind_name, arg1, arg2 = data.split()
        result.relations[ident] = (kind_name, arg1.split(":", 1)[1], arg2.split(":", 1)[1])
    elif kind in "AM":
        words = data.split()
        if len(words) not in (2, 3):
            raise ValueError("attribute")
        result.attributes[ident] = (words[0], words[1], words[2] if len(words) == 3 else None)
    elif kind == "N":
        match = re.match(r"(\S+) (\S+) (\S+?):(\S+)", data)
        if match is None:
            raise ValueError("normalization")
        result.normalizations[ident] = match.groups()  # type: ignore[assignment]
    elif kind == "#":
        note_type, target = data.split()
        result.comments[ident] = (note_type, target, data_tail[1:].rstrip("\r\n"))
    else:
        raise ValueError("unsupported")


def tools_conf_databases(conf: str) -> set[str]:
    """The normalization database names a tools.conf declares (brat's [normalization] section)."""
    names, section = set(), None
    for line in conf.splitlines():
        if line.startswith("["):
            section = line.strip("[] ")
        elif section == "normalization" and line.strip() and not line.startswith("#"):
            name, _, spec = line.partition("\t")
            assert "<URL>:" in spec and "<URLBASE>:" in spec
            names.add(name.strip())
    return names
