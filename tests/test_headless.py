"""The core must stay headless: importing it may not load Textual."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

HEADLESS_MODULES = [
    path.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".").removesuffix(".__init__")
    for path in sorted((ROOT / "tui").rglob("*.py"))
    if "app" not in path.relative_to(ROOT / "tui").parts[:1] and path.name != "__main__.py"
]


@pytest.mark.slow
@pytest.mark.parametrize("module", HEADLESS_MODULES)
def test_module_does_not_import_textual(module):
    code = f"import sys, {module}; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False", f"{module} imports textual"


def test_headless_commands_do_not_import_textual():
    code = (
        "import sys; from tui.cli import cli\n"
        "for name in ['clean', 'export', 'import', 'check', 'stats']:\n"
        "    cli.get_command(None, name)\n"
        "print('textual' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
