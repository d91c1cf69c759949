"""A library must not change process-wide settings: opening a Store leaves them alone."""

from __future__ import annotations

import gc
import sys

from tui.process_tuning import SWITCH_INTERVAL, interactive_start
from tui.store import Store


def test_opening_a_store_leaves_switch_interval_and_gc_alone(tmp_path):
    interval, frozen, enabled = sys.getswitchinterval(), gc.get_freeze_count(), gc.isenabled()
    store = Store.open(tmp_path / "db.json", annotator="t")
    store.upsert_document("d", text="Some words.")
    store.close()
    assert sys.getswitchinterval() == interval
    assert gc.get_freeze_count() == frozen
    assert gc.isenabled() == enabled


def test_the_app_command_pauses_gc_while_loading_then_freezes(monkeypatch):
    applied: list[float] = []
    frozen: list[bool] = []
    monkeypatch.setattr(sys, "getswitchinterval", lambda: 0.005)
    monkeypatch.setattr(sys, "setswitchinterval", applied.append)
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    enabled = gc.isenabled()
    with interactive_start():
        assert not gc.isenabled()
    assert gc.isenabled() == enabled
    assert applied == [SWITCH_INTERVAL]
    assert frozen == [True]
