"""What `newsmark check` reports and how `--repair` restores a damaged database."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.store import records as R
from tui.store.backups import list_backups
from tui.store.errors import StoreError
from tui.store.lock import WriterLock
from tui.store.paths import lock_path
from tui.store.schema import schema_errors
from tui.store.storage import fsync_dir, keep_under_new_name, read_json, write_atomic


@dataclass
class CheckReport:
    """Problems make the file unusable or inconsistent; orphans only need a person's attention."""

    path: Path
    exists: bool = True
    parse_error: str | None = None
    schema_problems: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    orphans: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict[str, Any])

    @property
    def damaged(self) -> bool:
        """Unusable as a database: only these are restored from a backup by --repair."""
        return self.parse_error is not None or bool(self.schema_problems)

    @property
    def ok(self) -> bool:
        return self.exists and not self.damaged and not self.problems


def consistency_problems(data: dict[str, Any], limit: int = 50) -> list[str]:
    """Cross-record checks a schema cannot express: references, spans, quotes, duplicate ids."""
    problems: list[str] = []
    ids: dict[str, set[str | None]] = {}
    for table in R.TABLES:
        seen: set[str | None] = set()
        for record in (data.get(table) or {}).values():
            rid = record.get("id") if isinstance(record, dict) else None
            if rid in seen:
                problems.append(f"{table}: id {rid} appears twice")
            seen.add(rid)
        ids[table] = seen
    docs = {
        d["id"]: d
        for d in (data.get("documents") or {}).values()
        if isinstance(d, dict) and "id" in d
    }
    for ann in (data.get("annotations") or {}).values():
        if not isinstance(ann, dict):
            continue
        aid, doc = ann.get("id"), docs.get(ann.get("document_id"))
        if doc is None:
            problems.append(
                f"annotation {aid}: document {ann.get('document_id')!r} is not in the database"
            )
        elif ann.get("state") != "orphaned":
            start, end, text = ann.get("start"), ann.get("end"), doc.get("text", "")
            if not (
                isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
            ):
                problems.append(f"annotation {aid}: span [{start}, {end}) is outside its document")
            elif text[start:end] != ann.get("exact"):
                problems.append(
                    f"annotation {aid}: text at [{start}, {end}) is not its quote {ann.get('exact')!r}"
                )
        if ann.get("entity_id") and ann["entity_id"] not in ids["entities"]:
            problems.append(
                f"annotation {aid}: linked entity {ann['entity_id']} is not in the registry"
            )
    endpoints = ids["annotations"] | ids["entities"]
    for rel in (data.get("relations") or {}).values():
        if isinstance(rel, dict):
            for end in ("from", "to"):
                if rel.get(end) not in endpoints:
                    problems.append(
                        f"relation {rel.get('id')}: {end!r} end {rel.get(end)} does not exist"
                    )
    if len(problems) > limit:
        problems = problems[:limit] + [f"... {len(problems) - limit} more"]
    return problems


def check(path: Path) -> CheckReport:
    """Parse, version-check, validate against the schema, cross-check, and list orphans."""
    report = CheckReport(Path(path))
    try:
        data = read_json(report.path)
    except StoreError as error:  # damaged, or not readable at all (a folder, no permission)
        report.parse_error = str(error)
        return report
    if data is None:
        report.exists = False
        return report
    meta_table = data.get("meta")
    meta: Any = next(iter(meta_table.values()), {}) if isinstance(meta_table, dict) else {}
    version = meta.get("schema_version") if isinstance(meta, dict) else None
    if isinstance(version, int) and version > R.SCHEMA_VERSION:
        report.problems.append(
            f"schema version {version} is newer than this newsmark ({R.SCHEMA_VERSION}); upgrade newsmark"
        )
        return report
    report.schema_problems.extend(schema_errors(data))
    if report.schema_problems:
        return report
    report.problems.extend(consistency_problems(data))
    report.counts = {t: len(data.get(t) or {}) for t in R.TABLES}
    report.orphans = [
        a
        for a in (data.get("annotations") or {}).values()
        if isinstance(a, dict) and a.get("state") == "orphaned"
    ]
    return report


def newest_good_backup(path: Path) -> Path | None:
    """The newest backup that parses and validates; damaged backups are skipped, not removed."""
    for backup in list_backups(Path(path)):
        if check(backup).ok:
            return backup
    return None


def repair(path: Path) -> str:
    """Restore the newest good backup over the damaged file, which is kept under a new name.

    The database path never goes missing: the backup is copied to a temp file and renamed over
    it, so a kill at any moment leaves either the damaged file or the restored one.

    Returns what was done. Raises StoreError if another process holds the database or no
    good backup exists.
    """
    path = Path(path)
    if path.is_symlink():  # repair the real file under the same lock the store takes, keep the link
        path = path.resolve()
    if path.is_dir():  # never move a user's folder aside as if it were a damaged file
        raise StoreError(
            f"{path} is a folder, not a database file; pass --db {path / 'annotations.json'}"
        )
    report = check(path)
    if not report.damaged:
        if report.exists and report.problems:
            return (
                f"{path} parses and validates, so it was not replaced by a backup; "
                f"the {len(report.problems)} problem(s) listed by `newsmark check` need fixing by hand."
            )
        if report.exists:
            return f"{path} is fine; nothing to repair."
    lock = WriterLock(lock_path(path), like=path)
    holder = lock.acquire()
    if holder is not None:
        raise StoreError(f"cannot repair {path}: {holder} has it open. Close that newsmark first.")
    try:
        backup = newest_good_backup(path)
        if backup is None:
            raise StoreError(
                f"no good backup of {path} was found in {path.name}.backups/; the file was left as it is. "
                f"Fix it by hand (see `newsmark check`) or start a new database with --db."
            )
        moved = None
        if path.exists():  # a second name for the damaged file; the path itself is never absent
            moved = keep_under_new_name(path, "damaged")
            if moved is None:
                raise StoreError(
                    f"cannot keep a copy of the damaged {path} next to it; nothing was changed. "
                    "Free some space or make the folder writable, then run --repair again."
                )
            fsync_dir(path.parent)
        with backup.open("rb") as source:  # temp file + rename over the damaged one
            write_atomic(path, iter(lambda: source.read(1 << 20), b""))
        aside = f"; the damaged file is kept as {moved}" if moved else ""
        return f"restored {path} from {backup}{aside}."
    finally:
        lock.release()
