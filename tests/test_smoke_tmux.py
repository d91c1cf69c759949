"""Runs the real `newsmark` in tmux as a person would: type keys, read the screen, quit, check the file."""

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NEWSMARK = Path(sys.executable).parent / "newsmark"

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("tmux") is None or not NEWSMARK.exists(),
        reason="needs tmux and the installed `newsmark` script (CI installs both: apt-get install tmux; pip install -e .)",
    ),
]


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def wait_for(session: str, needle: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if needle in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{needle!r} never appeared; last screen:\n{screen}")


def test_newsmark_in_tmux_labels_a_word_and_saves(tmp_path):
    corpus = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", corpus)
    db = tmp_path / "db.json"
    session = f"newsmark-smoke-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "NEWSMARK_CONFIG": str(tmp_path / "no-keymap.toml"),
        "TERM": "xterm-256color",
    }
    command = f"{NEWSMARK} {corpus} --db {db} --annotator smoke"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", command],
        check=True,
        env=env,
        cwd=tmp_path,
    )
    try:
        wait_for(session, "5 of 5 articles")
        tmux("send-keys", "-t", session, "Enter")
        wait_for(session, "article 1 of 5")
        tmux("send-keys", "-t", session, "2")  # ORG on the first word of the title
        wait_for(session, "ORG")
        wait_for(session, "saved")  # "saving" until the write is on disk: slow on a loaded machine
        tmux("send-keys", "-t", session, "/")
        wait_for(session, "Enter finds")  # the query is typed into the status line
        tmux("send-keys", "-t", session, "Lin Yunan", "Enter")
        time.sleep(0.3)
        tmux("send-keys", "-t", session, "K")
        time.sleep(0.2)
        tmux("send-keys", "-t", session, "1")  # PERSON on the two-word name
        wait_for(session, "PERSON")
        tmux("send-keys", "-t", session, "s")
        time.sleep(0.2)
        tmux("send-keys", "-t", session, "c")  # the sentence becomes a claim; the editor opens
        wait_for(session, "Speaker")
        tmux("send-keys", "-t", session, "C-s")
        wait_for(session, "CLAIM")
        tmux("send-keys", "-t", session, "q")
        deadline = time.monotonic() + 10
        while session in tmux("list-sessions") and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        tmux("kill-session", "-t", session)
    data = json.loads(db.read_text())
    annotations = sorted(data["annotations"].values(), key=lambda a: a["start"])
    assert [(a["label"], a["exact"]) for a in annotations[:2]] == [
        ("ORG", "China"),
        ("CLAIM", annotations[1]["exact"]),
    ]
    assert ("PERSON", "Lin Yunan") in [(a["label"], a["exact"]) for a in annotations]
    claim = annotations[1]
    # c on the sentence proposes the quote as content, "said" as the cue (issue 11)
    assert (
        claim["exact"].startswith("The blockchain service network")
        and claim["attributes"]["cue"]
        and claim["attributes"]["speaker"]["text"] == "Lin Yunan"
    )
    assert {a["annotator"] for a in annotations} == {"smoke"}
    exported = subprocess.run(
        [str(NEWSMARK), "export", "--format", "json", "--db", str(db)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout
    assert {a["id"] for a in json.loads(exported)["annotations"]} == {a["id"] for a in annotations}
