"""Widgets of the app: the reader view, side panel and status line."""
