"""Plain helpers with no Django state."""
