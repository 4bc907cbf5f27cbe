"""The number filter of one month's calls: which rows' caller or callee contains the typed digits (pure).

:class:`NumberFilter` serves :class:`~annet_desktop.ui.models.calls_model.CallsModel` (R-CALL-4):
it keeps a digits-only index of both numbers of every row, built on the first filter and extended as
pages arrive, and narrows the previous result when the new text extends the old one (typing), so no
per-row ``filterAcceptsRow`` runs over 100,000 rows.
"""

from __future__ import annotations

from .calls import digits


class NumberFilter:
    """The query typed and the rows matching it, over the caller and callee lists (which only grow)."""

    def __init__(self, caller: list[str], callee: list[str], query: str = "") -> None:
        self._caller = caller
        self._callee = callee
        self._hay: list[str] | None = None  # digits of both numbers per row, built on first filter
        self.query = query
        #: rows matching the query, ascending; None: no query, every row is shown
        self.matches: list[int] | None = [] if query else None

    def _hay_of(self, rows: range) -> list[str]:
        caller, callee = self._caller, self._callee
        return [digits(caller[i]) + "\n" + digits(callee[i]) for i in rows]

    def _index(self) -> list[str]:
        if self._hay is None:
            self._hay = self._hay_of(range(len(self._caller)))
        return self._hay

    def rows_added(self, rows: range) -> list[int] | None:
        """Rows ``rows`` were appended: the ones of them that match (None when nothing is filtered)."""
        if self._hay is not None:
            self._hay.extend(self._hay_of(rows))
        if self.matches is None:
            return None
        hay = self._index()
        query = digits(self.query)
        added = [i for i in rows if query and query in hay[i]]
        self.matches.extend(added)
        return added

    def set_query(self, text: str) -> bool:
        """Filter by ``text`` (stripped); False when that is the query already (nothing changes)."""
        text = text.strip()
        if text == self.query:
            return False
        previous, previous_matches = digits(self.query), self.matches
        self.query = text
        query = digits(text)
        if not text:
            self.matches = None
            return True
        hay = self._index()
        if not query:
            self.matches = []  # no digit typed: no number can match
        elif previous and previous in query and previous_matches is not None:
            self.matches = [i for i in previous_matches if query in hay[i]]  # narrowing as one types
        else:
            self.matches = [i for i, s in enumerate(hay) if query in s]
        return True
