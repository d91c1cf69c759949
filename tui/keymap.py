"""User keymap: a TOML file maps binding ids to keys, so every binding can be remapped without code."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

ENV_VAR = "NEWSMARK_CONFIG"


class KeymapError(ValueError):
    """The keymap file exists but cannot be used; the message says how to fix it."""


def default_path() -> Path:
    """Where the keymap lives: $NEWSMARK_CONFIG, else $XDG_CONFIG_HOME/newsmark/keymap.toml."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "newsmark" / "keymap.toml"


def parse_keymap(text: str, source: str = "keymap") -> dict[str, str]:
    """Parse `[keymap]` entries `binding.id = "key1,key2"` (or a list of keys) into Textual's Keymap."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise KeymapError(
            f"{source}: not valid TOML ({error}); fix the file or remove it"
        ) from None
    table = data.get("keymap", {})
    if not isinstance(table, dict):
        raise KeymapError(f'{source}: [keymap] must be a table of binding-id = "keys"')
    keymap: dict[str, str] = {}
    for binding_id, keys in table.items():
        if isinstance(keys, list) and all(isinstance(key, str) for key in keys):
            keys = ",".join(keys)
        names = (
            [key.strip() for key in keys.split(",") if key.strip()] if isinstance(keys, str) else []
        )
        if not names:  # "" or " , " would silently unbind the action
            raise KeymapError(
                f'{source}: {binding_id!r} must be a key string like "j,down" or a list of keys'
            )
        keymap[binding_id] = ",".join(names)
    return keymap


def load_keymap(path: Path | None = None) -> dict[str, str]:
    """Read the keymap file if there is one; a missing file means the default bindings."""
    path = path or default_path()
    if not path.is_file():
        return {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise KeymapError(
            f"{path}: cannot be read as UTF-8 text ({error}); fix the file or remove it"
        ) from None
    return parse_keymap(text, source=str(path))


def binding_ids(root: type) -> set[str]:
    """Every binding id declared by `root` and its (imported) subclasses: what a keymap may name."""
    ids: set[str] = set()
    pending = [root]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        for binding in cls.__dict__.get("BINDINGS", ()):
            binding_id = getattr(binding, "id", None)
            if isinstance(binding_id, str):
                ids.add(binding_id)
    return ids
