"""Widgets only: tabs, dialogs, item models."""
