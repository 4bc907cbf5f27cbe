"""The Cabinet API contract shared by the app and the reference server: pure Python, no Qt.

The wire schema (:mod:`.schema`, :mod:`.errors`), Moscow time (:mod:`.moscow`), money
(:mod:`.money`), month names and bounds (:mod:`.months`) and every input rule (:mod:`.phone`,
:mod:`.email`, :mod:`.password`, :mod:`.payment_amount`) live here once (SPEC R-VAL-1), so the app
never shows as valid what the server refuses, nor the other way round. This package imports
neither ``annet_desktop`` nor ``annet_server``.
"""
