"""Tests of annet_desktop.credentials: the OS keyring only, never a plaintext fallback."""

from __future__ import annotations

from pathlib import Path

from uihelpers import MemoryKeyring

from annet_desktop.credentials import Credentials


def test_store_get_delete(memory_keyring: MemoryKeyring) -> None:
    creds = Credentials()
    assert creds.available and creds.why_unavailable() is None
    assert creds.get("https://my.an-net.ru", "100001") is None
    assert creds.set("https://my.an-net.ru", "100001", "Secret12")
    assert creds.get("https://my.an-net.ru/", "100001") == "Secret12"
    assert creds.get("https://other.example", "100001") is None  # per server
    creds.delete("https://my.an-net.ru", "100001")
    assert creds.get("https://my.an-net.ru", "100001") is None
    creds.delete("https://my.an-net.ru", "100001")  # deleting twice is fine


def test_no_backend_stores_nothing_anywhere(no_keyring: None, tmp_path: Path) -> None:
    creds = Credentials()
    assert not creds.available and creds.why_unavailable() == "no-backend"
    assert not creds.set("https://my.an-net.ru", "100001", "Secret12")
    assert creds.get("https://my.an-net.ru", "100001") is None
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert all(b"Secret12" not in p.read_bytes() for p in written)
