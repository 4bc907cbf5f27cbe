"""``--demo``: the reference server in a process of its own on 127.0.0.1, and where its template lives.

:class:`DemoProcess` spawns ``annet-desktop --demo-server`` (:mod:`annet_server.demo_process`,
which describes the JSON lines it answers with and its lifetime: until its stdin reaches EOF),
reads its ready line and its later "settled" line, drains its stderr into this app's log, and
stops it. ``app.main`` spawns it first thing, before Qt is imported, so the server's imports and
start run on the other core while the app loads Qt and paints its login window.

No Qt here: a plain module of the app (the login window waits through ``run_in_background``).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: the hidden first argument that makes ``annet-desktop`` the demo server (``annet_desktop.__main__``)
DEMO_SERVER_ARG = "--demo-server"
#: how long the demo server may take to answer (a first start of the day seeds: a few seconds)
READY_TIMEOUT_S = 120.0
#: how long a stop waits for the server to end by itself, then after SIGTERM, before killing it
STOP_TIMEOUT_S = 10.0


class DemoStartError(RuntimeError):
    """The demo server did not start; the message says how, after the login window's «Не удалось
    запустить демонстрационный сервер:» (nothing of its stderr: that is logged)."""


def demo_template_dir() -> Path:
    """Where the demo keeps its seeded database between starts (the user's cache folder, or
    ``$ANNET_DESKTOP_CACHE_DIR``): a later start the same day copies it instead of seeding."""
    override = os.environ.get("ANNET_DESKTOP_CACHE_DIR")
    if override:
        return Path(override) / "demo"
    import platformdirs

    from .settings import APPLICATION, ORGANIZATION

    return Path(platformdirs.user_cache_dir(APPLICATION, ORGANIZATION)) / "demo"


def demo_server_command(templates: Path | None, *, small: bool = False) -> list[str]:
    """The command line of the demo server: the frozen app itself (``sys.executable`` is the app
    in a PyInstaller bundle), else this interpreter with ``-m annet_desktop``."""
    if getattr(sys, "frozen", False):
        command = [sys.executable, DEMO_SERVER_ARG]
    else:
        command = [sys.executable, "-m", "annet_desktop", DEMO_SERVER_ARG]
    if templates is not None:
        command += ["--templates", str(templates)]
    return command + (["--small"] if small else [])


class DemoProcess:
    """The demo server's process as the app sees it: :meth:`spawn`, :meth:`wait_ready`, ``url``,
    ``settled``, :meth:`stop` (idempotent; also ends a server that never became ready)."""

    def __init__(self, command: Sequence[str]) -> None:
        self.command = list(command)
        self._proc: Any = None  # subprocess.Popen[bytes]
        self._spawn_error: OSError | None = None
        self._first: Any = None  # the first line, parsed (or the reason it is unusable)
        self._answered = threading.Event()
        self._stop_lock = threading.Lock()
        self._stopped = False
        self._readers: list[threading.Thread] = []
        #: set once the server's background work is over (its calls in, the template written)
        self.settled = threading.Event()
        #: the server's base URL once ready (``""`` before)
        self.url = ""

    @classmethod
    def spawn(cls, templates: Path | None = None, *, small: bool = False) -> DemoProcess:
        """Start the demo server's process (no waiting). A failure to start it at all is kept
        and raised by :meth:`wait_ready`."""
        return cls(demo_server_command(templates, small=small)).start()

    def start(self) -> DemoProcess:
        """Spawn :attr:`command` with piped stdin/stdout/stderr and start reading them."""
        import subprocess

        try:
            self._proc = subprocess.Popen(
                self.command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),  # Windows: no console window
            )
        except OSError as exc:
            self._spawn_error = exc
            self._answered.set()
            return self
        log.debug("demo server process %d started", self._proc.pid)
        readers = ((self._read_stdout, "annet-demo-stdout"), (self._drain_stderr, "annet-demo-stderr"))
        for target, name in readers:
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._readers.append(thread)
        return self

    @property
    def pid(self) -> int | None:
        """The process id (``None`` when it could not be spawned)."""
        return self._proc.pid if self._proc is not None else None

    def _read_stdout(self) -> None:
        import json

        try:
            for raw in self._proc.stdout:
                try:
                    message = json.loads(raw)
                except ValueError:
                    message = None
                if not self._answered.is_set():
                    self._first = message if isinstance(message, dict) else "an unreadable first line"
                    self._answered.set()
                elif isinstance(message, dict) and message.get("settled") is True:
                    self.settled.set()
        except (OSError, ValueError):
            pass  # the pipe closed under us: the process is being stopped
        finally:
            self._answered.set()  # ended without a line: wait_ready says so

    def _drain_stderr(self) -> None:
        """Every line the server writes to stderr into this app's log (the pipe never fills)."""
        try:
            for raw in self._proc.stderr:
                log.warning("demo server: %s", raw.decode("utf-8", "replace").rstrip())
        except (OSError, ValueError):
            pass

    def wait_ready(self, timeout: float = READY_TIMEOUT_S) -> tuple[str, list[Any], bool]:
        """Block until the server answers: its URL, the demo accounts, whether it was copied
        from the template. :class:`DemoStartError` (the process stopped) when it fails, ends
        before answering, answers nonsense or takes longer than ``timeout`` seconds."""
        try:
            return self._ready(timeout)
        except BaseException:
            self.stop()
            raise

    def _ready(self, timeout: float) -> tuple[str, list[Any], bool]:
        if self._spawn_error is not None:
            raise DemoStartError(f"cannot run {self.command[0]}: {self._spawn_error.strerror}")
        if not self._answered.wait(timeout):
            raise DemoStartError(f"no answer in {timeout:.0f} s")
        first = self._first
        if first is None:
            raise DemoStartError(f"its process ended before it was ready (exit code {self._exit_code()})")
        if not isinstance(first, dict):
            raise DemoStartError(f"its process answered {first}")
        if "error" in first:
            raise DemoStartError(f"{str(first['error'])[:80]} in its process")
        from annet_contract.schema import DemoAccount

        try:
            url = first["url"]
            accounts = [DemoAccount.model_validate(item) for item in first["accounts"]]
            template = first.get("template") is True
        except (KeyError, TypeError, ValueError) as exc:  # pydantic's ValidationError is a ValueError
            raise DemoStartError("its ready line is not understood") from exc
        if not isinstance(url, str) or not url.startswith(("http://127.0.0.1:", "http://[::1]:")):
            raise DemoStartError("its address is not on this computer")
        self.url = url
        return url, accounts, template

    def _exit_code(self) -> int | str:
        try:
            return int(self._proc.wait(STOP_TIMEOUT_S))
        except Exception:
            return "unknown"

    @property
    def running(self) -> bool:
        """The process is alive (spawned, not stopped, not ended)."""
        return self._proc is not None and self._proc.poll() is None

    def stop(self) -> None:
        """End the server: close its stdin (it stops and removes its temporary folder), wait up to
        :data:`STOP_TIMEOUT_S`, then terminate it, then kill it. Returns once it has ended.

        One still starting (no line yet: it reads stdin only once it serves) is sent SIGTERM at
        once on POSIX, which it turns into the same clean stop, so closing the app during the
        demo's start does not wait for it; elsewhere terminating is a hard kill, so it is not."""
        with self._stop_lock:
            if self._stopped:
                return
            self._stopped = True
        proc = self._proc
        if proc is None:
            return
        import subprocess

        try:
            proc.stdin.close()
        except OSError:
            pass
        if not self._answered.is_set() and os.name == "posix" and proc.poll() is None:
            proc.terminate()
        for end in (None, proc.terminate, proc.kill):
            if end is not None:
                log.warning("demo server %d alive after %s s: %s", proc.pid, STOP_TIMEOUT_S, end.__name__)
                end()
            try:
                proc.wait(STOP_TIMEOUT_S)
                break
            except subprocess.TimeoutExpired:
                continue
        for thread in self._readers:
            thread.join(STOP_TIMEOUT_S)
        for pipe in (proc.stdout, proc.stderr):
            pipe.close()
