"""`export -o` respects what the target is: symlinks, FIFOs, devices, `-` and regular files."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tui.formats.native import export_native
from tui.formats.sample import sample_snapshot

NEWSMARK = [sys.executable, "-m", "tui"]


def newsmark(*args: object, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*NEWSMARK, *map(str, args)], capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export_targets")
    source = folder / "sample.json"
    with source.open("wb") as out:
        export_native(sample_snapshot(), out)
    path = folder / "db.json"
    result = newsmark("import", source, "--db", path)
    assert result.returncode == 0, result.stderr
    return path


def test_symlink_is_written_through_to_its_target(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("old")
    target.chmod(0o600)
    link = tmp_path / "link.json"
    link.symlink_to(target.name)
    result = newsmark("export", "-f", "json", "-o", link, "--db", db)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == "real.json"
    assert target.read_text().startswith("{")
    assert target.stat().st_mode & 0o777 == 0o600  # the target keeps its mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "real.json"]


def test_fifo_is_written_directly(db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = newsmark("export", "-f", "json", "-o", fifo, "--db", db, timeout=30)
    reader.join(10)
    assert result.returncode == 0, result.stderr
    assert fifo.is_fifo()
    assert received and received[0].startswith(b"{")


@pytest.fixture
def full_device(tmp_path: Path) -> Path:
    """A "disk full" device the test may lose: as root a private node (so a regression replaces
    that node, never the system's /dev/full); otherwise /dev/full, which only root can replace."""
    if os.geteuid() == 0:
        node = tmp_path / "full"
        try:
            os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
        except OSError as error:
            pytest.skip(f"cannot create a device node here ({error.strerror})")
        return node
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    return Path("/dev/full")


def test_full_device_says_disk_full(db: Path, full_device: Path) -> None:
    before = os.stat(full_device)
    result = newsmark("export", "-f", "json", "-o", full_device, "--db", db)
    after = os.stat(full_device)
    assert (after.st_mode, after.st_rdev) == (before.st_mode, before.st_rdev)  # still the device
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: could not write {full_device}: disk full (nothing else was changed)"
    ]
    with open(full_device, "wb") as full:  # plain redirection to a full disk: the same line
        redirected = subprocess.run(
            [*NEWSMARK, "export", "-f", "json", "--db", str(db)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert redirected.returncode == 1
    assert "disk full" in redirected.stderr and "Traceback" not in redirected.stderr
    assert "Exception ignored" not in redirected.stderr


def test_dash_is_standard_output(db: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [*NEWSMARK, "export", "-f", "json", "-o", "-", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("{")
    assert list(tmp_path.iterdir()) == []  # no file called "-"


def test_regular_file_is_replaced_atomically(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("old")
    inode = out.stat().st_ino
    result = newsmark("export", "-f", "json", "-o", out, "--db", db)
    assert result.returncode == 0, result.stderr
    assert out.read_text().startswith("{")
    assert out.stat().st_ino != inode  # a new file renamed over the old one
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_symlink_loop_and_folder_are_one_line(db: Path, tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    loop = newsmark("export", "-f", "json", "-o", tmp_path / "a", "--db", db)
    folder = newsmark("export", "-f", "json", "-o", tmp_path, "--db", db)
    for result in (loop, folder):
        assert result.returncode == 1
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "symlink loop" in loop.stderr and "is a folder" in folder.stderr


def test_output_onto_the_database_itself_is_refused(db: Path, tmp_path: Path) -> None:
    """`-o` naming the --db file (directly or through a link) would replace the annotations."""
    before = db.read_bytes()
    link = tmp_path / "link.json"
    link.symlink_to(db)
    for target in (db, link):
        result = newsmark("export", "-f", "jsonl", "-o", target, "--db", db)
        assert result.returncode == 2
        assert "is the database itself" in result.stderr
        assert "Traceback" not in result.stderr
    assert db.read_bytes() == before


def test_sigterm_mid_folder_export_leaves_no_partial_folder(db: Path, tmp_path: Path) -> None:
    """`kill` (SIGTERM) during a folder export unwinds like Ctrl+C: the hidden work folder goes."""
    import signal
    import time

    slow = (
        "import sys, time, tui.formats.xmi as x; w = x._write_cas; "
        "x._write_cas = lambda job: (time.sleep(0.3), w(job))[1]; "
        "from tui.cli import main; main(sys.argv[1:])"
    )
    out = tmp_path / "project"
    process = subprocess.Popen(
        [sys.executable, "-c", slow, "export", "-f", "xmi", "-o", str(out), "--db", str(db)],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while not any(p.name.startswith(".project.partial-") for p in tmp_path.iterdir()):
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 128 + signal.SIGTERM, stderr
    assert "Traceback" not in stderr
    assert list(tmp_path.iterdir()) == []  # neither the project nor its hidden work folder
