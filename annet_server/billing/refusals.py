"""Refusals of the rules: :class:`RuleError` with its stable code, HTTP status and field errors."""

from __future__ import annotations

from typing import Any

from annet_contract import schema as s
from annet_contract.errors import ErrorCode

from .. import messages
from ..problems import status_of


class RuleError(Exception):
    """A refusal by a rule: stable ``code``, message ``params``, HTTP ``status``, the ``fields`` it is about.

    It holds no text: the HTTP layer words it in the request's language (:meth:`detail`,
    :meth:`field_errors`), so every refusal speaks the caller's language. ``status`` comes from the
    one table of :mod:`annet_server.problems` (409 for a rule's refusal, 404, 422 for bad values).
    """

    def __init__(
        self,
        code: ErrorCode,
        params: dict[str, Any] | None = None,
        status: int | None = None,
        fields: tuple[str, ...] = (),
    ) -> None:
        self.code = ErrorCode(code)
        self.params: dict[str, Any] = dict(params or {})
        self.status = status if status is not None else status_of(self.code)
        self.fields = fields
        super().__init__(self.code.value)

    def detail(self, lang: str = "ru") -> str:
        """The subscriber's message in ``lang``."""
        return messages.message(self.code, lang, **self.params)

    def field_errors(self, lang: str = "ru") -> list[s.FieldError]:
        """One message in ``lang`` per field the refusal is about."""
        return [s.FieldError(field=name, message=self.detail(lang)) for name in self.fields]


def _field_error(code: ErrorCode, field: str, **params: Any) -> RuleError:
    return RuleError(code, params, fields=(field,))
