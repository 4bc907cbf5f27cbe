"""Annet Desktop: the desktop personal cabinet of the Annet provider."""

__version__ = "0.1.0"
