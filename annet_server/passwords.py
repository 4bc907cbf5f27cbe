"""Password hashing of the reference server: argon2id via argon2-cffi, never reversible."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

#: moderate parameters: ~10 ms per hash on a small machine, still memory-hard
_HASHER = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)

__all__ = ["hash_password", "needs_rehash", "verify_password"]


def hash_password(password: str) -> str:
    """The argon2id hash of ``password`` (salted; the text itself is never stored)."""
    return _HASHER.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches ``password_hash``; False for a mismatch or a broken hash."""
    if not password_hash:
        return False
    try:
        return bool(_HASHER.verify(password_hash, password))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with older parameters."""
    try:
        return bool(_HASHER.check_needs_rehash(password_hash))
    except InvalidHashError:
        return True
