"""The cleaner must reproduce the hand-labelled gold on the five seed articles."""

import json
from pathlib import Path

import pytest

from tui.cleaning import clean

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "tests" / "data" / "cleaning-seeds.json").read_text(encoding="utf-8"))[
    "documents"
]


@pytest.fixture(scope="module", params=sorted(GOLD))
def case(request):
    raw = (ROOT / "seeds" / request.param).read_text(encoding="utf-8")
    return GOLD[request.param], clean(raw)


def _numbers(cleaned, decision):
    return [line.number for line in cleaned.lines if line.decision == decision]


def test_title_line(case):
    gold, cleaned = case
    assert _numbers(cleaned, "title") == [gold["title"]]
    assert cleaned.title == gold["metadata"]["title"]


def test_content_lines(case):
    gold, cleaned = case
    assert _numbers(cleaned, "content") == gold["content"]


def test_meta_lines(case):
    gold, cleaned = case
    assert _numbers(cleaned, "meta") == gold["meta"]


def test_boilerplate_lines_have_reasons(case):
    gold, cleaned = case
    dropped = [line for line in cleaned.lines if line.decision == "boilerplate"]
    assert [line.number for line in dropped] == gold["boilerplate"]
    assert all(line.reason for line in dropped)


@pytest.mark.parametrize("key", ["date", "author", "section"])
def test_metadata(case, key):
    """Every case asserts: a key the gold leaves out means the page has none, so the cleaner finds none."""
    gold, cleaned = case
    assert cleaned.meta.get(key) == gold["metadata"].get(key)


def test_text_is_title_then_body(case):
    _, cleaned = case
    assert cleaned.text == cleaned.title + "\n\n" + cleaned.body
    assert cleaned.title not in cleaned.body.split("\n\n")[:1]
