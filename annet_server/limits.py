"""The server's limits in one place: request body size, login failure budgets, retention.

One :class:`Limits` per app (``ServerState.limits``); tests build servers with smaller ones.
Every budget counts failures within :attr:`Limits.window` (15 minutes, R-LOGIN-3):

* per account number — 5 (R-LOGIN-3); a success of that number starts its count again;
* per subscriber — 5 over all their account numbers and wrong current passwords of
  ``PUT /me/password``; a successful login of the subscriber starts the count again;
* per client address — 30, whatever the account numbers (a success does not reset it);
* overall — a failure budget of the whole server (a guessing campaign from many addresses).

Expired rows are pruned (:mod:`annet_server.housekeeping`) after the ``keep_*`` times below.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Body size, login failure budgets and how long the server keeps what it records."""

    #: the largest request body read (JSON bodies are a few hundred bytes; 413 above)
    max_body_bytes: int = 64 * 1024
    window: dt.timedelta = dt.timedelta(minutes=15)
    account_failures: int = 5
    subscriber_failures: int = 5
    client_failures: int = 30
    global_failures: int = 1000
    #: idempotency records are kept this long (a client repeats a change within minutes)
    keep_idempotency: dt.timedelta = dt.timedelta(days=1)
    #: ended sessions (revoked or expired) are kept this long, then deleted
    keep_sessions: dt.timedelta = dt.timedelta(days=1)
    #: login attempts older than this are deleted (longer than ``window``)
    keep_attempts: dt.timedelta = dt.timedelta(days=1)
    #: how often (server clock) expired rows are pruned, opportunistically on a login
    prune_every: dt.timedelta = dt.timedelta(minutes=10)
