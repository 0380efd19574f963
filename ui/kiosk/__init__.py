"""Kiosk mode for a shared waiting-room tablet, split by what each part does: the session (start, reset, rebuild),
the idle watch, the window guard (no way out), staff access behind the PIN, and the privacy screen."""
