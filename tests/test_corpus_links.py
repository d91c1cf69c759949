"""Symlinks in a corpus are followed only to targets inside the folders given (issue 9 item 7)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.corpus import index
from tui.documents import discover

ARTICLE = "Officials said on Monday that the alliance would grow.\n"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """corpus/ with an inside link, links leading out (a file and a folder), and a loop."""
    outside = tmp_path / "outside"
    (outside / "deep").mkdir(parents=True)
    (outside / "secret.txt").write_text(
        "Officials said the hunter2 password was leaked on Monday.\n"
    )
    (outside / "deep" / "more.txt").write_text(ARTICLE)
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text(ARTICLE)
    (corpus / "sub" / "b.txt").write_text(ARTICLE)
    (corpus / "passwd.txt").symlink_to(outside / "secret.txt")
    (corpus / "etc").symlink_to(outside)
    (corpus / "alias").symlink_to(corpus / "sub")  # inside: followed
    (corpus / "sub" / "up").symlink_to(corpus)  # a loop back to the root
    return corpus


def _walk(corpus: Path, follow: bool = False) -> tuple[list[str], list[str]]:
    messages: list[str] = []
    ids = [s.id for s in discover([corpus], messages.append, follow_links=follow)]
    return ids, messages


def test_links_outside_the_corpus_are_skipped_once_each(tree: Path) -> None:
    ids, messages = _walk(tree)
    assert "a.txt" in ids and {"alias/b.txt", "sub/b.txt"} & set(ids)  # one way in to sub/
    assert "passwd.txt" not in ids and not any(i.startswith("etc/") for i in ids)
    outside = [m for m in messages if "outside the folders given" in m]
    assert len(outside) == 2 and all("--follow-links" in m for m in outside)
    assert any(m.startswith(f"{tree / 'passwd.txt'}:") for m in outside)
    assert any(m.startswith(f"{tree / 'etc'}:") for m in outside)
    assert any("symlink loop" in m for m in messages)  # sub/up -> corpus, still handled


def test_follow_links_includes_them(tree: Path) -> None:
    ids, messages = _walk(tree, follow=True)
    assert {"passwd.txt", "etc/secret.txt", "etc/deep/more.txt"} <= set(ids)
    assert not any("outside the folders given" in m for m in messages)


def test_a_link_into_another_given_folder_is_followed(tree: Path, tmp_path: Path) -> None:
    messages: list[str] = []
    sources = list(discover([tree, tmp_path / "outside"], messages.append))
    assert "passwd.txt" in {s.id for s in sources}


def test_the_app_index_skips_them_too(tree: Path, tmp_path: Path) -> None:
    messages: list[str] = []
    entries = list(index([tree], tmp_path / "cache", on_error=messages.append, jobs=1))
    assert "passwd.txt" not in {entry.id for entry in entries}
    assert sum("outside the folders given" in m for m in messages) == 2


def test_clean_command_says_so_and_follows_on_request(tree: Path) -> None:
    def clean(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "tui", "clean", "--json", "-j", "1", str(tree), *extra],
            capture_output=True,
            text=True,
            timeout=120,
        )

    default = clean()
    assert default.returncode == 0, default.stderr
    assert "hunter2" not in default.stdout
    assert default.stderr.count("outside the folders given") == 2
    followed = clean("--follow-links")
    assert "hunter2" in followed.stdout
