"""``annet-server``: serve, seed-demo, demo-accounts, openapi — run as the operator would."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
import requests

from annet_contract.schema import DemoAccount

ROOT = Path(__file__).resolve().parents[2]


#: what an operator configures outside the demo (docs/reliability.md, README)
OPERATOR_ENV = {
    "ANNET_PAY_SECRET": "operator-merchant-secret-0123456789abcdef",
    "ANNET_PUBLIC_URL": "https://lk.annet.example",
}


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in OPERATOR_ENV and k != "ANNET_SERVER_SECRET"}
    env.update(extra)
    return env


def _cli(
    *args: str, timeout: float = 120, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "annet_server.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        check=False,
        env=env if env is not None else _env(),
    )


def test_demo_accounts_prints_the_seed_list() -> None:
    from annet_server.seed import demo_accounts

    done = _cli("demo-accounts")
    assert done.returncode == 0, done.stderr
    printed = [DemoAccount.model_validate(x) for x in json.loads(done.stdout)]
    expected = [DemoAccount.model_validate(a, from_attributes=True) for a in demo_accounts()]
    assert printed == expected
    tags = {tag for account in printed for tag in account.cases}
    assert {
        "internet-discount",
        "multi-account",
        "telephony",
        "business-100k",
        "credit-available",
        "credit-banned",
        "promo-tariff",
        "admin-block",
        "discount-extendable",
        "no-contacts",
    } <= tags


def test_openapi_prints_the_document() -> None:
    done = _cli("openapi")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["info"]["title"] == "Annet Cabinet API"


def test_seed_demo_then_serve_a_database(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'seeded.db'}"
    seeded = _cli("seed-demo", "--db", db, "--small")
    assert seeded.returncode == 0, seeded.stderr
    demo = DemoAccount.model_validate(json.loads(_cli("demo-accounts").stdout)[0])
    access_log = _serve_and_login(["serve", "--db", db], demo, env=_env(**OPERATOR_ENV))
    # uvicorn's own access lines: names kept, values and e-mails redacted
    assert '"GET /pay/?Email=…&Checkvalue=…&Language=en HTTP/1.1" 404' in access_log
    assert "ivan" not in access_log and "SIGNATURE" not in access_log


@pytest.mark.parametrize(
    ("missing", "says"),
    [("ANNET_PAY_SECRET", "ANNET_PAY_SECRET"), ("ANNET_PUBLIC_URL", "ANNET_PUBLIC_URL")],
)
def test_serve_refuses_to_start_without_the_operator_configuration(
    tmp_path: Path, missing: str, says: str
) -> None:
    env = _env(**{k: v for k, v in OPERATOR_ENV.items() if k != missing})
    done = _cli("serve", "--db", f"sqlite:///{tmp_path / 'x.db'}", "--port", str(_free_port()), env=env)
    assert done.returncode == 2, done.stderr
    assert says in done.stderr and "--demo" in done.stderr


def test_serve_refuses_the_once_public_merchant_secret(tmp_path: Path) -> None:
    env = _env(**{**OPERATOR_ENV, "ANNET_PAY_SECRET": "annet-sandbox-merchant-secret"})
    done = _cli("serve", "--db", f"sqlite:///{tmp_path / 'x.db'}", "--port", str(_free_port()), env=env)
    assert done.returncode == 2 and "merchant secret" in done.stderr


def test_sandbox_refuses_a_database_that_is_not_sqlite() -> None:
    done = _cli("serve", "--sandbox", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/annet")
    assert done.returncode == 2 and "SQLite" in done.stderr


@pytest.mark.slow
def test_serve_demo_answers_for_every_demo_account() -> None:
    accounts = [DemoAccount.model_validate(x) for x in json.loads(_cli("demo-accounts").stdout)]
    _serve_and_login(["serve", "--demo"], *accounts)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve_and_login(args: list[str], *accounts: DemoAccount, env: dict[str, str] | None = None) -> str:
    """Run ``annet-server`` with ``args``, log every account in; its access log (stdout)."""
    import tempfile

    from annet_desktop.api.client import CabinetClient

    port = _free_port()
    stdout = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "annet_server.cli", *args, "--port", str(port)],
        env=env if env is not None else _env(),
        cwd=ROOT,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
    )
    ready = threading.Event()
    lines: list[str] = []

    def watch() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            lines.append(line)
            if "Uvicorn running on" in line:  # printed once the socket listens
                ready.set()
        ready.set()

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        assert ready.wait(120), "".join(lines)
        assert process.poll() is None, "".join(lines)
        url = f"http://127.0.0.1:{port}"
        assert requests.get(f"{url}/api/v1/openapi.json", timeout=10).status_code == 200
        sandbox = requests.get(f"{url}/pay/return/ok", timeout=10).status_code
        assert sandbox == (200 if "--demo" in args or "--sandbox" in args else 404)
        requests.get(f"{url}/pay/?Email=ivan%40example.ru&Checkvalue=SIGNATURE&Language=en", timeout=10)
        for demo in accounts:
            client = CabinetClient(url)
            try:
                client.login(demo.account, demo.password)
                me: Any = client.me()
                assert me.name == demo.name
                for ref in me.accounts:
                    client.account(ref.number)
                    client.services(ref.number)
            finally:
                client.close()
    finally:
        process.terminate()
        process.wait(30)
        watcher.join(10)
        if process.stderr is not None:
            process.stderr.close()
    with stdout:
        stdout.seek(0)
        return stdout.read()


def _children(pid: int) -> set[int]:
    """The worker processes uvicorn's supervisor ``pid`` runs (multiprocessing's spawned children)."""
    done = subprocess.run(["pgrep", "-P", str(pid), "-f", "spawn_main"], capture_output=True, text=True)
    return {int(p) for p in done.stdout.split()}


def test_serve_workers_restarts_a_killed_worker_and_shares_one_session_store() -> None:
    """``--workers 2``: two processes on one port; kill -9 one, the supervisor starts another;
    a session opened before the kill works on every worker (nothing in process memory)."""
    import signal

    from annet_desktop.api.client import CabinetClient

    demo = DemoAccount.model_validate(json.loads(_cli("demo-accounts").stdout)[0])
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "annet_server.cli", "serve", "--demo", "--small", "--workers", "2",
         "--port", str(port)],
        env=_env(), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    started: list[str] = []
    workers_up = threading.Semaphore(0)

    def watch() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            started.append(line)
            if "Application startup complete" in line:
                workers_up.release()
        for _ in range(3):
            workers_up.release()  # the server ended: wake the test

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    url = f"http://127.0.0.1:{port}"
    client = CabinetClient(url)
    try:
        assert workers_up.acquire(timeout=120) and workers_up.acquire(timeout=60), "".join(started)
        assert process.poll() is None, "".join(started)
        client.login(demo.account, demo.password)
        first = _children(process.pid)
        assert len(first) == 2, "".join(started)
        os.kill(min(first), signal.SIGKILL)
        assert workers_up.acquire(timeout=60), "".join(started)  # a third worker came up
        assert any("died" in line for line in started)
        now = _children(process.pid)
        assert len(now) == 2 and min(first) not in now
        for _ in range(20):  # spread over both workers by the kernel: the same session everywhere
            assert client.me().name == demo.name
    finally:
        client.close()
        process.terminate()
        process.wait(30)
        watcher.join(10)
        if process.stderr is not None:
            process.stderr.close()
