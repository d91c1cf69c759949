"""Write tui/cleaning/first_names.json: the given names of Faker's person providers (MIT licence),
which the author finder asks before it takes a line that is only "Jane Doe" for a byline.

A bare two-word line near the headline is often the author, but as often a heading, a menu entry
or a section ("Kleine Schafskunde", "Leichte Sprache", "Middle East"): a known first name at its
start tells them apart (on the dev pages it kept 17 of the 18 authors found that way and dropped
ten headings). Names in Latin script are kept, and Cyrillic ones spelled in Latin letters,
case-folded, one list for every language.

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
                for latin in _latin(name.casefold()):
                    plain = latin.replace("-", "").replace("'", "")
                    if plain.isalpha() and all(ord(c) < 0x250 for c in plain):
                        out.add(latin)
    return out


# Cyrillic given names (Russian, Ukrainian, Bulgarian) as English news spells them: "Евгения" ->
# "evgeniya", "evgenia".
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяієїґ",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya i ye yi g".split(),
        strict=True,
    )
)


def _latin(name: str) -> list[str]:
    """The name itself, or for a Cyrillic name its two common Latin spellings."""
    if not any("\u0400" <= c <= "\u04ff" for c in name):
        return [name]
    latin = "".join(_CYRILLIC.get(c, c) for c in name).replace("-", "")
    return [latin, latin.replace("iya", "ia").replace("kh", "h")]


def main() -> None:
    names = sorted(given_names())
    doc = {"source": f"Faker {faker.VERSION} person providers (MIT licence)", "names": names}
    OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(names)} given names -> {OUT}")


if __name__ == "__main__":
    main()
