"""Where the article ends: a comment thread or form, or an end marker after which its prose does not resume."""

from __future__ import annotations

import re
from collections.abc import Set

from .body import date_only
from .features import GOOD, NEAR, LineFeatures
from .phrases import END_MARKER, INLINE_MARKER
from .stopwords import content_words

TEASER_WINDOW = 10  # two bare date lines this close after the body: a list of teasers
THREAD_WINDOW = 8  # a comment thread shows two signatures within this many lines
MIN_WORDS_BEFORE_THREAD = 40  # body words needed before a comment thread may end the article
MIN_WORDS_BEFORE_FORM = 20  # ... before a comment form (two form lines close together) may
MIN_WORDS_BEFORE_MARKER = (
    80  # ... before a "Related"/"Tags"/teaser marker may (inline ones come earlier)
)


# "12 Responses to “Title”", "One thought on “Title”": a comment thread opens.
_THREAD_HEAD = re.compile(
    r"^(\d+|one|ein|eine|zwei|drei|un|une)\s+(responses?|repl(?:y|ies)|thoughts?|comments?|antworten|"
    r"kommentare?|gedanken|réponses?|commentaires?|respuestas?|comentarios?)\s+"
    r"(to|on|zu|für|à|sur|a|en)\s+\W"
)
# "Previous post", "Nächster Beitrag", "Article suivant": links to the neighbouring posts.
_PREV_NEXT = re.compile(
    r"^[«‹<←\s]*(previous|next|older|newer|vorheriger?|nächster?|voriger?|article|artículo|"
    r"articolo)\s*(post|article|story|entry|beitrag|artikel|eintrag|précédent|suivant|anterior|"
    r"siguiente|precedente|successivo)|^←.+→"
)


def _signature(feats: list[LineFeatures], k: int, a: int) -> bool:
    """A comment signature; above the densest run a bare date-and-time line is the article's own dateline."""
    f = feats[k]
    return f.comment and (k >= a or not date_only(f))


def cut_tail(
    feats: list[LineFeatures],
    start: int,
    a: int,
    b: int,
    teasers: Set[int] = frozenset(),
    gaps: dict[int, str] | None = None,
) -> tuple[int, int | None, str]:
    """End the body at a comment thread or form (anywhere after some text) or a standalone end marker (in the run)
    after which the article's prose does not resume.

    Returns the last body index, the index where the tail starts (None if not cut) and what the tail is;
    fills gaps with the lines of interruptions (marker to resumed prose) and why they go.
    """
    if gaps is None:
        gaps = {}
    seen = 0
    vocab = _Vocabulary(feats, start)
    i = start
    while i <= b:
        f = feats[i]
        if (
            seen >= MIN_WORDS_BEFORE_THREAD
            and _signature(feats, i, a)
            and sum(
                1 for k in range(i, min(i + THREAD_WINDOW, len(feats))) if _signature(feats, k, a)
            )
            >= 2
        ):
            return i - 1, i, "reader comments"
        if (
            seen >= MIN_WORDS_BEFORE_FORM
            and _form_line(feats, i)
            and sum(1 for k in range(i, min(i + THREAD_WINDOW, len(feats))) if _form_line(feats, k))
            >= 2
        ):
            return i - 1, i, "reader comments"  # a comment form: even a short post ends here
        if seen >= MIN_WORDS_BEFORE_MARKER and i >= a:
            end = _end_marker(feats, i)
            if end is not None:
                resume = None
                if end != "reader comments":
                    resume = _resumes(feats, vocab.upto(i), i, b, teasers)
                    if resume is None:
                        resume = _article_below(feats, i, b, seen, teasers)
                if resume is None:
                    return i - 1, i, end
                for k in range(i, resume):
                    gaps[k] = end  # an interruption: the article goes on below it
                i = resume
                continue
        if f.kind in (GOOD, NEAR):
            seen += f.words
        i += 1
    return b, None, "footer"


def _form_line(feats: list[LineFeatures], k: int) -> bool:
    """A comment form's line, but not the "Report" button under an embedded post, which follows the
    embed's credit naming a social handle ("Image copyright @jdoe")."""
    if feats[k].reason != "comment form":
        return False
    above = feats[k - 1] if k else None
    return above is None or above.reason != "copyright" or "@" not in above.line.text


def _end_marker(feats: list[LineFeatures], i: int) -> str | None:
    """What a standalone end-of-article marker at line i opens, else None."""
    f = feats[i]
    if f.words <= 8 and END_MARKER.match(f.lower.strip(" .:!?-–—|•…")):
        tail = f.reason if f.reason in ("related-posts block", "reader comments") else None
        return tail or "after end of article"
    if f.reason == "tags":
        return "after end of article"  # "Tags: ..." closes a post
    if f.reason == "author bio" and f.words <= 8:
        return "author bio"  # "About the author"
    if f.words <= 25 and _THREAD_HEAD.match(f.lower):
        return "reader comments"
    if f.words <= 25 and _PREV_NEXT.match(f.lower):
        return "after end of article"  # links to the neighbouring posts
    if date_only(f) and any(date_only(g) for g in feats[i + 1 : i + TEASER_WINDOW]):
        return "related-posts block"  # teasers: headline, summary, date, repeated
    if _slideshow(feats, i):
        return "related-posts block"  # "1/50 Title", caption, "2/50 Title", ...: a picture gallery
    return None


_COUNTER = re.compile(r"^(\d{1,3})\s*/\s*(\d{1,3})\b")


def _slideshow(feats: list[LineFeatures], i: int) -> bool:
    """'1/50 ...' here and '2/50 ...' a few lines on: the numbered slides of a picture gallery."""
    m = _COUNTER.match(feats[i].line.text)
    if not m or int(m[1]) >= int(m[2]) or int(m[2]) < 3:
        return False
    follow = f"{int(m[1]) + 1}/{m[2]}"
    return any(
        g.line.text.replace(" ", "").startswith(follow) for g in feats[i + 1 : i + TEASER_WINDOW]
    )


RESUME_WORDS = 60  # prose words, in paragraphs of two lines or more, that show the article goes on
RESUME_WORDS_AFTER_END = 120  # ... after a marker that usually ends an article ("More from UK")
RESUME_OVERLAP = 0.25  # share of a line's content words already in the body above the marker


def _resumes(
    feats: list[LineFeatures], vocab: Set[str], i: int, b: int, teasers: Set[int]
) -> int | None:
    """Where the article's prose resumes after an inline marker at i (within the run up to b), or None.

    "Related", "Read more", "Share this" or a picture gallery may stand inside a body, before more of it: the article goes
    on when below the marker, still in the densest run, come paragraphs (not lone teaser summaries)
    whose lines each share the body's words. After a related-posts head that usually ends an article ("More from
    UK", "Most popular"), twice as much such prose must follow."""
    inline = _inline_marker(feats, i)
    if not inline and not (
        feats[i].reason == "related-posts block"
        and END_MARKER.match(feats[i].lower.strip(" .:!?-–—|•…"))
    ):
        return None  # "Tags", "About the author", a teaser's date: nothing of the article follows
    need = RESUME_WORDS if inline else RESUME_WORDS_AFTER_END
    j = i + 1
    while j <= b and not (feats[j].kind == GOOD and j not in teasers):
        if feats[j].comment or feats[j].reason in _HARD_ENDS:
            return None
        j += 1
    if j > b:
        return None
    words, group = 0, 0
    for k in range(j, b + 1):
        g = feats[k]
        if g.comment or g.reason in _HARD_ENDS or _end_marker(feats, k):
            break
        if g.kind in (GOOD, NEAR) and k not in teasers:
            group += 1
            if group >= 2 or g.words >= 40:
                own = content_words(g.lower or g.line.text.lower())
                if own and len(own & vocab) >= RESUME_OVERLAP * len(own):
                    words += g.words
        else:
            group = 0
        if words >= need:
            return j
    return None


_HARD_ENDS = ("comment form", "copyright", "cookie notice")


class _Vocabulary:
    """The content words of the prose lines from the body's start up to a line, grown as the tail is
    searched downwards (built anew at every marker, it made a page of many "Related" boxes quadratic)."""

    def __init__(self, feats: list[LineFeatures], start: int):
        self.feats, self.end, self.words = feats, start, set[str]()

    def upto(self, i: int) -> set[str]:
        """The words of the prose lines in [start, i); i never goes back up."""
        for g in self.feats[self.end : i]:
            if g.kind in (GOOD, NEAR):
                self.words |= content_words(g.lower or g.line.text.lower())
        self.end = max(self.end, i)
        return self.words


def _inline_marker(feats: list[LineFeatures], i: int) -> bool:
    """A marker that may stand between a body's paragraphs: "Related", "Read more", a picture gallery."""
    return bool(INLINE_MARKER.match(feats[i].lower.strip(" .:!?-–—|•…")) or _slideshow(feats, i))


OUTWEIGH = 2.0  # the prose below a marker, this many times the text above it, is the article itself
OUTWEIGH_MIN_WORDS = 150
OUTWEIGH_REACH = 100  # lines below the marker weighed at most


def _article_below(
    feats: list[LineFeatures], i: int, b: int, seen: int, teasers: Set[int]
) -> int | None:
    """Where the article starts below a marker at i when the densest run's prose lies mostly below it, else None.

    A sidebar ("Most popular", a few headlines) rendered above the story is no end of it: what stands above the
    marker is then captions or a lead-in, and the paragraphs below (in groups, not lone teasers) outweigh it."""
    first, words, group = None, 0, 0
    need = max(OUTWEIGH * seen, OUTWEIGH_MIN_WORDS)
    for k in range(i + 1, min(b, i + OUTWEIGH_REACH) + 1):
        g = feats[k]
        if (
            g.comment
            or g.reason in _HARD_ENDS
            or _end_marker(feats, k)
            and not _inline_marker(feats, k)
        ):
            break
        if g.kind in (GOOD, NEAR) and k not in teasers:
            group += 1
            if group >= 2:
                if first is None:
                    first = k - 1
                words += g.words + (feats[k - 1].words if group == 2 else 0)
                if words >= need:
                    return first
        else:
            group = 0
    return None
