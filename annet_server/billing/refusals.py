"""Refusals of the rules: :class:`RuleError` with its stable code, HTTP status and field errors."""

from __future__ import annotations

from typing import Any

from annet_desktop.api import schema as s
from annet_desktop.api.schema import ErrorCode

from .. import messages


class RuleError(Exception):
    """A refusal by a rule: stable ``code``, message ``params``, HTTP ``status``, field ``errors``.

    ``status`` is 409 for rule refusals, 404 for NOT_FOUND, 422 for bad values (VALIDATION, contacts,
    passwords, payment amount, unknown tariff/offer ids).
    """

    _DEFAULT_STATUS: dict[ErrorCode, int] = {  # noqa: RUF012
        ErrorCode.NOT_FOUND: 404,
        ErrorCode.VALIDATION: 422,
        ErrorCode.CONTACTS_BAD_PHONE: 422,
        ErrorCode.CONTACTS_BAD_EMAIL: 422,
        ErrorCode.PASSWORD_WRONG_CURRENT: 422,
        ErrorCode.PASSWORD_WEAK: 422,
        ErrorCode.PASSWORD_SAME: 422,
        ErrorCode.PAYMENT_AMOUNT: 422,
        ErrorCode.TARIFF_UNKNOWN: 422,
        ErrorCode.DISCOUNT_UNKNOWN_OFFER: 422,
        ErrorCode.INTERNAL: 500,
    }

    def __init__(
        self,
        code: ErrorCode,
        params: dict[str, Any] | None = None,
        status: int | None = None,
        errors: list[s.FieldError] | None = None,
        lang: str = "ru",
    ) -> None:
        self.code = ErrorCode(code)
        self.params: dict[str, Any] = dict(params or {})
        self.status = status if status is not None else self._DEFAULT_STATUS.get(self.code, 409)
        self.errors: list[s.FieldError] = list(errors or [])
        self.lang = lang
        super().__init__(f"{self.code.value}: {self.detail(lang)}")

    def detail(self, lang: str = "ru") -> str:
        """The subscriber's message in ``lang``."""
        return messages.message(self.code, lang, **self.params)


def _field_error(code: ErrorCode, field: str, lang: str, **params: Any) -> RuleError:
    return RuleError(
        code, params, errors=[s.FieldError(field=field, message=messages.message(code, lang, **params))]
    )
