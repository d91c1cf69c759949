"""The reader screen's key bindings, defined once: help, the palette and the footer read them.

Kept apart from the screen so the screen module holds behaviour only. The annotating, claim,
link, occurrence and suggestion keys call parameterised actions (`annotate`,
`crossdoc`, `occurrence`, `suggester`) that hand the named method to the object that does the work.
"""

from __future__ import annotations

from functools import cache
from typing import TypeVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from tui.safe_text import visible

LABEL_KEYS = "1234567890"
# keys, Suggester call, description, shown in the footer, binding id (after "reader.")
OCCURRENCE_KEYS = [
    ("asterisk", "'occurrences', False", "All in article", True, "occurrences_article"),
    ("number_sign", "'occurrences', True", "All in corpus", True, "occurrences_corpus"),
    ("full_stop", "'repeat_label'", "Repeat label", False, "repeat_label"),
]
SUGGESTION_KEYS = [
    ("a", "'decide', True", "Accept", True, "accept_suggestion"),
    ("r", "'decide', False", "Reject", True, "reject_suggestion"),
    ("equals_sign", "'decide_alike', True", "Accept alike", False, "accept_alike"),
    ("X", "'decide_alike', False", "Reject alike", False, "reject_alike"),
    ("A", "'accept_all'", "Accept all", False, "accept_all"),
    ("f", "'step', True", "Next sugg.", False, "next_suggestion"),
    ("F", "'step', False", "Prev sugg.", False, "previous_suggestion"),
    ("S", "'suggest_now'", "Suggest", False, "suggest"),
]
# keys, Annotator call, description, shown in the footer, binding id
ANNOTATING_KEYS = [
    ("c", "'claim'", "Claim", True, "claim"),
    ("E,enter", "'edit'", "Edit", True, "edit"),
    ("x", "'delete_under_cursor'", "Delete", True, "delete"),
    ("u", "'history', True", "Undo", True, "undo"),
    ("ctrl+r", "'history', False", "Redo", True, "redo"),
    ("m", "'mark_done'", "Done", True, "mark_done"),
]
# keys, CrossDocKeys call, description, binding id (none shown in the footer)
CROSSDOC_KEYS = [
    ("l", "'link'", "Link entity", "link_entity"),
    ("semicolon", "'link_to_last'", "Link to last entity", "link_last"),
    ("J", "'jump_to_linked_claim'", "Jump to linked claim", "jump_linked"),
]


def label_binding(key: str, name: str) -> Binding:
    return Binding(key, f"label('{key}')", f"Label {name}", show=False, id=f"reader.label_{key}")


READER_SCREEN_BINDINGS: list[BindingType] = [
    *[label_binding(key, key) for key in LABEL_KEYS],
    *[
        Binding(keys, f"annotate({call})", text, show=show, id=f"reader.{name}")
        for keys, call, text, show, name in ANNOTATING_KEYS
    ],
    Binding("slash", "search", "Search", id="reader.search"),
    Binding("n", "next_annotation", "Next ann.", show=False, id="reader.next_annotation"),
    Binding("N", "previous_annotation", "Prev ann.", show=False, id="reader.previous_annotation"),
    *[
        Binding(keys, f"occurrence({call})", text, show=show, id=f"reader.{name}")
        for keys, call, text, show, name in OCCURRENCE_KEYS
    ],
    *[
        Binding(keys, f"suggester({call})", text, show=show, id=f"reader.{name}")
        for keys, call, text, show, name in SUGGESTION_KEYS
    ],
    Binding("right_square_bracket", "next_article", "Next article", id="reader.next_article"),
    Binding(
        "left_square_bracket",
        "previous_article",
        "Prev article",
        show=False,
        id="reader.previous_article",
    ),
    Binding("z", "toggle_boilerplate", "Dropped lines", id="reader.toggle_boilerplate"),
    Binding("t", "annotate('toggle_line')", "Keep/drop line", show=False, id="reader.toggle_line"),
    Binding("tab", "focus_panel", "Panel", show=False, id="reader.focus_panel"),
    Binding("o,escape", "library", "Library", id="reader.library"),
    *[
        Binding(keys, f"crossdoc({call})", text, show=False, id=f"reader.{name}")
        for keys, call, text, name in CROSSDOC_KEYS
    ],
]

S = TypeVar("S", bound=Screen[None])


@cache
def labelled(base: type[S], names: tuple[tuple[str, str], ...]) -> type[S]:
    """A subclass whose label bindings carry the label names (Textual reads descriptions from
    the class's BINDINGS, so this is how a binding's text follows data)."""
    bindings = [label_binding(key, visible(name)) for key, name in names]
    return type(base.__name__, (base,), {"BINDINGS": bindings, "__module__": base.__module__})
