"""Streaming writers of the calls table: XML Spreadsheet 2003, xlsx and CSV. No Qt in here."""
