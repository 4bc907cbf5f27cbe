"""The ``--demo`` server's own process (annet_desktop.demo_start.DemoProcess ↔ annet_server.demo_process).

The real child (``python -m annet_desktop --demo-server --small``) for its start, stop and death
of its parent; tiny stand-in children (``python -c …``) for the ways a start can go wrong that the
real one cannot be made to show (nonsense on stdout, silence, a flood of stderr, ignoring EOF).
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from annet_desktop import demo_start
from annet_desktop.demo_start import DemoProcess, DemoStartError
from annet_server.demo_subscribers import demo_accounts

ROOT = Path(__file__).resolve().parents[1]
#: generous: a seeding start on a busy 2-core machine (never a measured figure)
DEADLINE_MS = 120_000
#: the day's template of a ``--small`` demo (annet_server.seed_template)
SMALL_TEMPLATE = "demo-*-small-*.sqlite3"


def _gone(pid: int) -> bool:
    """The process ``pid`` has ended (a zombie nobody reaped yet counts as ended)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return not stat.parent.exists() if sys.platform.startswith("linux") else False


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One template folder for the file: the first start seeds (small) and leaves the day's
    template, the later ones copy it (quicker; each test is right either way)."""
    return tmp_path_factory.mktemp("templates")


@pytest.fixture
def tmpdir_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The children's temporary folder (``$TMPDIR``): the demo's database folder is made there."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    return folder


def test_the_child_serves_the_demo_and_stop_ends_it_and_removes_its_folder(
    qtbot: Any, templates: Path, tmpdir_env: Path
) -> None:
    from annet_desktop.api.client import CabinetClient

    copied = bool(list(templates.glob(SMALL_TEMPLATE)))
    process = DemoProcess.spawn(templates, small=True)
    try:
        url, accounts, template = process.wait_ready()
        assert url == process.url and url.startswith("http://127.0.0.1:") and template is copied
        assert [a.model_dump() for a in accounts] == [a.model_dump() for a in demo_accounts()]
        first = accounts[0]
        client = CabinetClient(url)
        client.login(first.account, first.password)
        assert client.me().name == first.name
        client.close()
        (folder,) = list(tmpdir_env.glob("annet-demo-*"))  # its database, while it runs
        qtbot.waitUntil(process.settled.is_set, timeout=DEADLINE_MS)
        assert list(templates.glob(SMALL_TEMPLATE))  # the settled line came after it
    finally:
        process.stop()
    assert not process.running and process._proc.returncode == 0
    assert not folder.exists() and list(tmpdir_env.iterdir()) == []
    process.stop()  # again: nothing happens


@pytest.mark.skipif(os.name != "posix", reason="SIGTERM: a clean stop on POSIX only")
def test_a_child_stopped_while_it_starts_ends_at_once_and_leaves_nothing(tmpdir_env: Path) -> None:
    """Closing the app during the demo's start: it is not waited for (seconds), nor left running."""
    process = DemoProcess.spawn(None, small=True)
    process.stop()
    assert not process.running and process._proc.returncode in (0, 1, -15)  # SystemExit or SIGTERM
    assert process._first is None  # ended before it served (not waited for until it was ready)
    assert list(tmpdir_env.iterdir()) == []
    with pytest.raises(DemoStartError):
        process.wait_ready()


PARENT = """
import os, sys
from pathlib import Path
from annet_desktop.demo_start import DemoProcess
process = DemoProcess.spawn(Path(sys.argv[1]), small=True)
process.wait_ready()
print(process.pid, flush=True)
os._exit(0)  # dies without stopping it
"""


@pytest.mark.skipif(os.name != "posix", reason="os.kill(pid, 0) asks, elsewhere it kills")
def test_the_child_ends_when_its_parent_dies_without_stopping_it(
    qtbot: Any, templates: Path, tmpdir_env: Path
) -> None:
    parent = subprocess.run(
        [sys.executable, "-c", PARENT, str(templates)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=DEADLINE_MS / 1000,
        check=True,
    )
    pid = int(parent.stdout.split()[-1])
    qtbot.waitUntil(lambda: _gone(pid), timeout=DEADLINE_MS)
    # it stopped by itself (stdin at EOF), so its database folder went with it
    qtbot.waitUntil(lambda: list(tmpdir_env.iterdir()) == [], timeout=DEADLINE_MS)


def test_the_demo_server_command_imports_no_qt(templates: Path, tmpdir_env: Path) -> None:
    """``annet-desktop --demo-server`` (here ``python -m annet_desktop``) never loads PySide6."""
    code = (
        "import atexit, runpy, sys\n"
        "atexit.register(lambda: print('QT=' + ','.join(m for m in sys.modules"
        " if m.split('.')[0] in ('PySide6', 'shiboken6')), file=sys.stderr))\n"
        f"sys.argv = ['annet_desktop', '--demo-server', '--small', '--templates', {str(templates)!r}]\n"
        "runpy.run_module('annet_desktop', run_name='__main__', alter_sys=True)\n"
    )
    copied = bool(list(templates.glob(SMALL_TEMPLATE)))
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,  # EOF at once: it starts, says it is ready, stops
        capture_output=True,
        text=True,
        timeout=DEADLINE_MS / 1000,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    ready = json.loads(done.stdout.splitlines()[0])
    assert ready["url"].startswith("http://127.0.0.1:") and ready["template"] is copied
    assert "QT=\n" in done.stderr, done.stderr[-2000:]
    assert list(tmpdir_env.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="SIGTERM is TerminateProcess elsewhere")
def test_sigterm_stops_the_child_as_cleanly_as_eof(templates: Path, tmpdir_env: Path) -> None:
    import signal

    process = DemoProcess.spawn(templates, small=True)
    try:
        process.wait_ready()
        assert len(list(tmpdir_env.iterdir())) == 1
        process._proc.send_signal(signal.SIGTERM)
        assert process._proc.wait(DEADLINE_MS / 1000) == 0
    finally:
        process.stop()
    assert list(tmpdir_env.iterdir()) == []


def test_a_failed_start_says_only_the_exception_type(
    monkeypatch: pytest.MonkeyPatch, tmpdir_env: Path
) -> None:
    monkeypatch.setenv("ANNET_DEMO_SERVER_FAULT", "start")
    process = DemoProcess.spawn(None, small=True)
    with pytest.raises(DemoStartError, match="RuntimeError in its process") as raised:
        process.wait_ready()
    assert "ANNET_DEMO_SERVER_FAULT" not in str(raised.value)  # the message text stays in the log
    assert not process.running and process._proc.returncode == 1
    assert list(tmpdir_env.iterdir()) == []


def _stand_in(code: str) -> DemoProcess:
    return DemoProcess([sys.executable, "-c", "import sys\n" + code]).start()


READY = json.dumps({"url": "http://127.0.0.1:9", "accounts": [], "template": True})
ELSEWHERE = READY.replace("127.0.0.1", "example.com")


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("import sys; sys.exit(3)", r"ended before it was ready \(exit code 3\)"),
        ("print('Traceback: not JSON', flush=True); sys.stdin.read()", "unreadable first line"),
        ("print('[1, 2]', flush=True); sys.stdin.read()", "unreadable first line"),
        ("print('{\"url\": 7}', flush=True); sys.stdin.read()", "not understood"),
        (f"print({json.dumps(ELSEWHERE)}, flush=True); sys.stdin.read()", "not on this computer"),
    ],
    ids=["exits", "not-json", "not-an-object", "no-accounts", "not-loopback"],
)
def test_a_child_that_answers_wrongly_is_refused_and_stopped(code: str, message: str) -> None:
    process = _stand_in(code)
    with pytest.raises(DemoStartError, match=message):
        process.wait_ready()
    assert not process.running


def test_a_silent_child_times_out_and_is_stopped() -> None:
    process = _stand_in("sys.stdin.read()")
    with pytest.raises(DemoStartError, match="no answer in"):
        process.wait_ready(timeout=0.2)
    assert not process.running  # terminated: it had not answered (POSIX), else ended at EOF


def test_a_child_that_cannot_be_run_is_a_start_error(tmp_path: Path) -> None:
    process = DemoProcess([str(tmp_path / "no-such-program")]).start()
    with pytest.raises(DemoStartError, match="cannot run"):
        process.wait_ready()
    assert process.pid is None and not process.running
    process.stop()


def test_the_childs_stderr_is_drained_into_the_log(caplog: pytest.LogCaptureFixture) -> None:
    """More than a pipe holds (64 KiB) before the ready line: read as it comes, it cannot block."""
    code = (
        "sys.stderr.write(('x' * 999 + chr(10)) * 300); sys.stderr.flush(); "
        f"print({READY!r}, flush=True); sys.stdin.read()"
    )
    with caplog.at_level(logging.WARNING, logger="annet_desktop.demo_start"):
        process = _stand_in(code)
        try:
            assert process.wait_ready(timeout=60)[0] == "http://127.0.0.1:9"
        finally:
            process.stop()
    assert sum("demo server: xxx" in r.getMessage() for r in caplog.records) == 300


def test_stop_terminates_then_kills_a_child_that_ignores_eof(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo_start, "STOP_TIMEOUT_S", 0.5)
    code = (
        "import signal, threading; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
        f"print({READY!r}, flush=True); threading.Event().wait()"
    )
    process = _stand_in(code)
    process.wait_ready(timeout=60)
    process.stop()
    assert not process.running
    assert process._proc.returncode != 0  # killed (SIGKILL on POSIX; TerminateProcess elsewhere)
