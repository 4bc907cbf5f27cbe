"""The subscriber (R-SUB, R-PWD): contact data, the SMS number and e-mail, the password."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from annet_contract import schema as s
from annet_contract.email import email_to_store
from annet_contract.errors import ErrorCode
from annet_contract.password import is_valid as password_is_valid
from annet_contract.phone import is_sms_phone

from ..passwords import hash_password, verify_password
from .account import _account_title, _has_telephony
from .journal import _encode_value, record_journal
from .lookups import ACCOUNTS, _subscriber
from .refusals import RuleError, _field_error


def get_me(db: Session, clock: Any, sub_id: int, lang: str = "ru") -> s.Me:
    """The subscriber's contact data and accounts (R-SUB-1); empty values are None."""
    sub = _subscriber(db, sub_id, load=ACCOUNTS)
    return s.Me(
        name=sub.name,
        address=sub.address or None,
        contract=sub.contract or None,
        sms_phone=sub.sms_phone or None,
        email=sub.email or None,
        accounts=[
            s.AccountRef(
                number=acc.number,
                kind=s.AccountKind(acc.kind),
                title=_account_title(acc, lang),
                has_telephony=_has_telephony(acc),
            )
            for acc in sub.accounts
        ],
    )


def update_contacts(
    db: Session, clock: Any, sub_id: int, fields: dict[str, str | None], lang: str = "ru"
) -> s.Me:
    """Change the SMS number and/or e-mail (R-SUB-2/3): only the keys present; None or "" clears."""
    sub = _subscriber(db, sub_id)
    unknown = set(fields) - {"sms_phone", "email"}
    if unknown:
        raise RuleError(ErrorCode.VALIDATION, fields=tuple(sorted(unknown)))
    changes: list[tuple[s.JournalAction, str, str | None]] = []
    if "sms_phone" in fields:
        phone = fields["sms_phone"] or None
        if phone is not None and not is_sms_phone(phone):
            raise _field_error(ErrorCode.CONTACTS_BAD_PHONE, "sms_phone")
        changes.append((s.JournalAction.CONTACT_SMS, "sms_phone", phone))
    if "email" in fields:
        email = fields["email"] or None
        if email is not None:
            email = email_to_store(email)
            if email is None:
                raise _field_error(ErrorCode.CONTACTS_BAD_EMAIL, "email")
        changes.append((s.JournalAction.CONTACT_EMAIL, "email", email))
    now = clock.now()
    for action, attr, value in changes:
        old = getattr(sub, attr) or None
        if old == value:
            continue
        setattr(sub, attr, value)
        record_journal(
            db,
            clock,
            sub.id,
            action,
            s.Actor.SUBSCRIBER,
            old=old,
            new=value,
            at=now,
        )
    db.flush()
    return get_me(db, clock, sub_id, lang)


def change_password(db: Session, clock: Any, sub_id: int, current: str, new: str, lang: str = "ru") -> None:
    """Check the current password and set the new one (R-PWD); the HTTP layer revokes other sessions."""
    sub = _subscriber(db, sub_id)
    if not verify_password(sub.password_hash, current):
        raise _field_error(ErrorCode.PASSWORD_WRONG_CURRENT, "current_password")
    if not password_is_valid(new):
        raise _field_error(ErrorCode.PASSWORD_WEAK, "new_password")
    if new == current:
        raise _field_error(ErrorCode.PASSWORD_SAME, "new_password")
    now = clock.now()
    sub.password_hash = hash_password(new)
    sub.password_changed_at = now
    record_journal(
        db,
        clock,
        sub.id,
        s.JournalAction.PASSWORD,
        s.Actor.SUBSCRIBER,
        new=_encode_value("value.password_hidden"),
        at=now,
    )
    db.flush()
