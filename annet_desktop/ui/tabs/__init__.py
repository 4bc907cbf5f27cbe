"""The tabs of the main window, one module per cabinet section; :mod:`.context` is what each receives."""
