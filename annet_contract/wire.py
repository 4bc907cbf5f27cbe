"""The bases of every wire model and the API's fixed names (prefix, idempotency and background headers).

Responses ignore unknown fields (a newer server may add some); requests refuse them (a typo must
not pass silently). Both are immutable.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

API_PREFIX = "/api/v1"

#: A lowercase UUID or similar opaque key sent as the ``Idempotency-Key`` header.
IDEMPOTENCY_HEADER = "Idempotency-Key"

#: ``X-Annet-Background: 1`` marks a request the app made on its own (a timed refresh): the server
#: answers it as usual but does not count it as activity for the 30-minute idle end of the session.
BACKGROUND_HEADER = "X-Annet-Background"


class Wire(BaseModel):
    """Base of every wire model: unknown fields are ignored, instances are immutable."""

    model_config = ConfigDict(frozen=True, extra="ignore")


class Request(BaseModel):
    """Base of every request body: unknown fields are an error, so typos do not pass silently."""

    model_config = ConfigDict(frozen=True, extra="forbid")
