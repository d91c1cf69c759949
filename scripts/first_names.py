"""Write tui/cleaning/first_names.json: the given names of Faker's person providers (MIT licence),
which the author finder asks before it takes a line that is only "Jane Doe" for a byline.

A bare two-word line near the headline is often the author, but as often a heading, a menu entry
or a section ("Kleine Schafskunde", "Leichte Sprache", "Middle East"): a known first name at its
start tells them apart (on the dev pages it kept 17 of the 18 authors found that way and dropped
ten headings). Only names in Latin script are kept, case-folded, one list for every language.

Run: pip install faker (not a run-time dependency: the cleaner reads the JSON), then
.venv/bin/python scripts/first_names.py
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from pathlib import Path

import faker
import faker.providers.person as person

OUT = Path(__file__).resolve().parent.parent / "tui" / "cleaning" / "first_names.json"
_LISTS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")


def given_names() -> set[str]:
    """Every given name of every locale's person provider, case-folded, in Latin script only."""
    out: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attr in _LISTS:
            names = getattr(provider, attr, None)
            if not isinstance(names, (dict, list, tuple, set, frozenset)):
                continue  # a property computed from the others
            for name in names:
                plain = name.replace("-", "").replace("'", "")
                if plain.isalpha() and all(ord(c) < 0x250 for c in plain):
                    out.add(name.casefold())
    return out


def main() -> None:
    names = sorted(given_names())
    doc = {"source": f"Faker {faker.VERSION} person providers (MIT licence)", "names": names}
    OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(names)} given names -> {OUT}")


if __name__ == "__main__":
    main()
