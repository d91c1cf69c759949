"""Claim candidates: quoted passages and reported speech split into content, cue and speaker.

Follows the PARC/Citron attribution model: the **content** (what was said), the **cue**
("said", "according to", "told", "added") and the **source**, guessed as the PERSON/ORG
mention nearest the cue outside the content. Candidates are proposals a person confirms.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tui.text import sentences

__all__ = ["Candidate", "Mention", "candidates", "candidate_at", "split_sentence"]

CUE = re.compile(
    r"\b(?:according to|said|says|told|tells|added|adds|stated|noted|explained|argued)\b",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"[“\"«]([^”\"»]+)[”\"»]")
_THAT = re.compile(r"[^.;:]{0,40}?\bthat\s+")
_NAME = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|de|van|von))*")
SPEAKER_LABELS = ("PERSON", "ORG")


@dataclass(frozen=True)
class Mention:
    """An entity mention the speaker guess may pick: span, label, annotation id."""

    start: int
    end: int
    label: str
    annotation_id: str | None = None
    entity_id: str | None = None


@dataclass(frozen=True)
class Candidate:
    """A suggested claim: content span, cue span, claim type and the guessed speaker."""

    start: int
    end: int
    cue_start: int
    cue_end: int
    type: str
    speaker_text: str | None = None
    speaker: Mention | None = None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim blanks and the commas/colons that join content to its attribution."""
    while start < end and (text[start].isspace() or text[start] in ",:;—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",:;—–-"):
        end -= 1
    return start, end


_PASSIVE = re.compile(r"\b(?:been|be|being|was|were|is|are)\s+$", re.IGNORECASE)
_NOT_NAMES = {
    "The",
    "It",
    "He",
    "She",
    "They",
    "This",
    "That",
    "At",
    "In",
    "On",
    "But",
    "And",
    "A",
    "An",
}


def _guess_speaker(
    text: str,
    regions: list[tuple[int, int]],
    cue: tuple[int, int],
    mentions: Sequence[Mention],
    after_cue: bool,
) -> tuple[str | None, Mention | None]:
    """The PERSON/ORG mention in the attribution on the speaker's side of the cue (people first,
    then nearest), else the nearest capitalised name there."""

    def rank(start: int, end: int) -> tuple[bool, int]:
        side = start >= cue[1] if after_cue else end <= cue[0]
        return (not side, max(0, cue[0] - end, start - cue[1]))

    inside = [
        m
        for m in mentions
        if m.label in SPEAKER_LABELS and any(s <= m.start and m.end <= e for s, e in regions)
    ]
    if inside:
        best = min(inside, key=lambda m: (m.label != "PERSON", *rank(m.start, m.end)))
        return " ".join(text[best.start : best.end].split()), best
    names = [
        match
        for s, e in regions
        for match in _NAME.finditer(text, s, e)
        if (match.end() <= cue[0] or match.start() >= cue[1]) and match.group() not in _NOT_NAMES
    ]
    if not names:
        return None, None
    near = min(
        names,
        key=lambda n: (
            rank(n.start(), n.end())[0],
            " " not in n.group(),
            rank(n.start(), n.end())[1],
        ),
    )
    return near.group().rstrip(".’'"), None


def split_sentence(
    text: str, start: int, end: int, mentions: Sequence[Mention] = ()
) -> Candidate | None:
    """The content/cue/speaker split of the sentence text[start:end], or None without a cue."""
    sentence = text[start:end]
    cue = next(
        (
            c
            for c in CUE.finditer(sentence)
            if not _in_quote(sentence, c.start()) and not _PASSIVE.search(sentence[: c.start()])
        ),
        None,
    )
    if cue is None:
        return None
    cue_span = (start + cue.start(), start + cue.end())
    quote = next((q for q in _QUOTE.finditer(sentence) if len(q.group(1).split()) >= 3), None)
    lead = sentence[: cue.start()].rstrip()
    rest = sentence[cue.end() :].strip(' ."”’')
    verb = cue.group().lower()
    inverted = verb == "according to" or (
        verb not in ("told", "tells") and (not lead or lead[-1] in ',“"”') and rest[:1].isupper()
    )
    if quote is not None:
        content = _trim(text, start + quote.start(1), start + quote.end(1))
        kind = "direct quote"
    elif cue.group().lower() == "according to":
        comma_before = sentence.rfind(",", 0, cue.start())
        comma_after = sentence.find(",", cue.end())
        if comma_before > 0:
            content = _trim(text, start, start + comma_before)
        elif comma_after > 0:
            content = _trim(text, start + comma_after + 1, end)
        else:
            return None
        kind = "indirect quote"
    elif inverted and lead:  # "..., said X, director of Y."
        content = _trim(text, start, start + len(lead))
        kind = "indirect quote"
    elif len(rest) < 3 and "," in lead:  # "..., X said."
        content = _trim(text, start, start + lead.rfind(","))
        kind = "indirect quote"
    else:  # "X said (that) ...", "X told Y that ..."
        that = _THAT.match(sentence, cue.end())
        if that is None and len(rest.split()) < 5:
            return None  # "X told Reuters." names the listener, not a content
        content = _trim(text, start + (that.end() if that else cue.end()), end)
        kind = "indirect quote"
    if content[1] - content[0] < 10:
        return None
    after_cue = inverted or content[0] < cue_span[0]
    regions = [r for r in ((start, content[0]), (content[1], end)) if r[0] < r[1]]
    speaker_text, speaker = _guess_speaker(text, regions, cue_span, mentions, after_cue)
    return Candidate(*content, *cue_span, kind, speaker_text, speaker)


def _in_quote(sentence: str, offset: int) -> bool:
    return any(q.start() < offset < q.end() for q in _QUOTE.finditer(sentence))


def candidates(text: str, mentions: Sequence[Mention] = ()) -> list[Candidate]:
    """Every sentence of `text` that reads as a quote or reported speech, split for a claim."""
    found = []
    for start, end in sentences(text):
        candidate = split_sentence(text, start, end, mentions)
        if candidate is not None:
            found.append(candidate)
    return found


def candidate_at(
    text: str, sentence: tuple[int, int], mentions: Sequence[Mention] = ()
) -> Candidate | None:
    """The split `c` proposes for the sentence under the cursor."""
    return split_sentence(text, sentence[0], sentence[1], mentions)
