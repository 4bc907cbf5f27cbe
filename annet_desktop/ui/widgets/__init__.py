"""Small reusable widgets of the main window; :mod:`.naming` gives widgets their names."""
