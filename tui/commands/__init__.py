"""One click command per module, loaded lazily by tui.cli."""
