"""Modal screens, one per module, each with a typed result."""
