"""Run the reference server inside this process: uvicorn in a daemon thread on 127.0.0.1.

Used by ``annet-desktop --demo`` (:func:`start_demo`) and by the tests (:func:`start_server`).
Port 0 picks a free port; the call returns once the server accepts connections; ``stop()``
shuts it down cleanly and closes the database connections.
"""

from __future__ import annotations

import logging
import shutil
import socket
import sqlite3
import tempfile
import threading
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: how long start and stop may take before we give up
START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0


class RunningServer:
    """A server running in a daemon thread: ``url`` to call it, ``stop()`` to end it."""

    def __init__(self, app: Any, host: str = "127.0.0.1", port: int = 0) -> None:
        import uvicorn

        self.app = app
        self.host = host
        self._socket = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            self._socket.bind((host, port))
        except OSError:
            self._socket.close()
            raise
        self.port: int = self._socket.getsockname()[1]
        state = getattr(app.state, "annet", None)
        if state is not None and not state.public_url:
            state.public_url = self.url  # the sandbox's own address, known now the port is
        config = uvicorn.Config(
            app,
            host=host,
            port=self.port,
            log_config=None,
            log_level="warning",
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=2,
            server_header=False,
        )
        self._server = uvicorn.Server(config)
        self._cleanup: list[Any] = []
        self._thread = threading.Thread(target=self._run, name=f"annet-server:{self.port}", daemon=True)
        self._failed: BaseException | None = None
        self._stopped = False
        #: the demo template this server's database was copied from (``start_demo``), else ``None``
        self.demo_template: Path | None = None
        #: set when the demo's background start is over: calls in, template written or given up
        self.demo_settled = threading.Event()

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:41235`` (no trailing slash)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def state(self) -> Any:
        """The app's :class:`annet_server.app.ServerState` (database, clock)."""
        return self.app.state.annet

    @property
    def clock(self) -> Any:
        """The clock the server runs on."""
        return self.state.clock

    @property
    def database_url(self) -> str:
        """The database the server runs on."""
        return str(self.state.database_url)

    def _run(self) -> None:
        try:
            self._server.run(sockets=[self._socket])
        except BaseException as exc:  # reported by start()
            self._failed = exc
            log.exception("embedded server failed")

    def start(self) -> RunningServer:
        """Start serving and wait until connections are accepted."""
        self._socket.listen(128)
        self._thread.start()
        ready = threading.Event()

        def started() -> bool:
            return bool(self._server.started) or not self._thread.is_alive()

        waited = 0.0
        while not started() and waited < START_TIMEOUT_S:
            ready.wait(0.01)
            waited += 0.01
        if not self._server.started:
            self.stop()
            raise RuntimeError(f"the embedded server did not start: {self._failed!r}")
        return self

    def add_cleanup(self, fn: Any) -> None:
        """Call ``fn()`` after the server has stopped (e.g. to remove a temporary folder)."""
        self._cleanup.append(fn)

    def stop(self) -> None:
        """Shut down: finish running requests, close connections and the database pool."""
        if self._stopped:
            return
        self._stopped = True
        self._server.should_exit = True
        if self._thread.is_alive():
            self._thread.join(STOP_TIMEOUT_S)
            if self._thread.is_alive():
                self._server.force_exit = True
                self._thread.join(STOP_TIMEOUT_S)
        self._socket.close()
        state = getattr(self.app.state, "annet", None)
        if state is not None:
            state.dispose()
        for fn in reversed(self._cleanup):
            try:
                fn()
            except Exception:
                log.exception("cleanup after the embedded server failed")

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_app(app: Any, host: str = "127.0.0.1", port: int = 0) -> RunningServer:
    """Serve any ASGI app built by :func:`annet_server.app.create_app` (tests add fault routes)."""
    return RunningServer(app, host, port).start()


def start_server(
    database_url: str,
    clock: Any | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    secret: str | None = None,
    sandbox: bool = True,
    limits: Any = None,
) -> RunningServer:
    """Serve the database at ``database_url`` on ``host:port`` (0 = a free port).

    With the payment sandbox by default (the tests pay through it); its merchant secret is
    ``secret`` or random, its public URL the server's own address.
    """
    from .app import create_app

    app = create_app(database_url, clock, secret=secret, sandbox=sandbox, limits=limits)
    try:
        return start_app(app, host, port)
    except BaseException:
        app.state.annet.dispose()
        raise


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of an SQLite file."""
    return f"sqlite:///{Path(path).resolve()}"


class StagedSeed:
    """A demo database seeded but for the business line's month: ``finish()`` adds it, once."""

    def __init__(self, database_url: str, now: Any = None, *, big_calls: bool = True) -> None:
        from .clock import SystemClock
        from .db import create_schema, make_engine
        from .seed import seed_demo_staged

        self._engine = make_engine(database_url)
        try:
            create_schema(self._engine)
            self._finish: Any = seed_demo_staged(
                self._engine, now or SystemClock().now(), big_calls=big_calls
            )
        except BaseException:
            self._engine.dispose()
            raise

    def finish(self, pause: float | None = None, stop: threading.Event | None = None) -> None:
        """Add the remaining calls and close the database connections (also when that fails).

        ``pause``: commit every few thousand calls and sleep that long after each, so a server
        serving the database meanwhile stays quick; ``stop`` set: end early (the demo is closing).
        See :func:`annet_server.seed.seed_demo_staged`.
        """
        finish, self._finish = self._finish, None
        try:
            if finish is not None:
                finish(pause, stop)
        finally:
            self.close()

    def close(self) -> None:
        """Close the database connections (without adding what is left)."""
        self._finish = None
        self._engine.dispose()


def seed_demo_database(database_url: str, now: Any = None, *, big_calls: bool = True) -> list[Any]:
    """Create the schema and the demo data (SPEC §6) in ``database_url``; the demo accounts."""
    from .seed import demo_accounts

    StagedSeed(database_url, now, big_calls=big_calls).finish()
    return demo_accounts()


#: the sleep after each small transaction of the demo's background calls
DEMO_CALLS_PAUSE_S = 0.02


def _add_calls_then_open(
    seed: StagedSeed,
    ready: threading.Event,
    stop: threading.Event,
    settled: threading.Event,
    pending: Any = None,
    served: Path | None = None,
) -> None:
    complete = False
    try:
        try:
            seed.finish(DEMO_CALLS_PAUSE_S, stop)
            complete = not stop.is_set()  # else the demo closed before its calls were all in
        except Exception:
            log.exception("adding the demo's 100,000 calls failed; the calls endpoint serves what there is")
        finally:
            ready.set()
        if pending is not None and served is not None:
            if complete:
                pending.finish(served)
            else:
                pending.discard()  # no template of an incomplete month
    finally:
        settled.set()


def start_demo(
    host: str = "127.0.0.1", port: int = 0, *, templates: Path | None = None, big_calls: bool = True
) -> RunningServer:
    """A fresh demo database in a temporary folder, seeded for now, served on ``host:port``.

    The server accepts logins as soon as everything but the business line's 100,000 calls of this
    month is in; those go in on a background thread, and the calls endpoint waits for them (about
    a second) — so the demo's login window is ready sooner.

    ``templates``: a folder where the seeded database is kept as a template once its calls are in,
    and copied from on the next start of the same day (:mod:`annet_server.seed_template`): then
    nothing is seeded and every call is in at once. ``big_calls=False``: the business line gets
    2,000 calls instead of 100,000 (tests). The returned server's ``demo_template`` is the
    template it was copied from (``None``: seeded); its ``demo_settled`` event is set once the
    calls are in and the template is written (or given up).
    """
    from .app import create_app
    from .clock import SystemClock
    from .seed_template import TemplateShelf, copy_database

    now = SystemClock().now()
    folder = Path(tempfile.mkdtemp(prefix="annet-demo-"))
    try:
        path = folder / "demo.db"
        url = sqlite_url(path)
        shelf = TemplateShelf.for_this_code(templates, big_calls=big_calls) if templates is not None else None
        template = shelf.find(now) if shelf is not None else None
        if template is not None:
            try:
                copy_database(template, path)
            except (OSError, sqlite3.Error) as exc:
                log.warning("demo template %s not usable (%s): seeding", template, exc)
                template = None
                path.unlink(missing_ok=True)
        seed: StagedSeed | None = None
        pending = None
        if template is None:
            seed = StagedSeed(url, now, big_calls=big_calls)
            # backed up before anything serves it: no login or change of the user's gets in
            pending = shelf.begin(path, now) if shelf is not None else None
        try:
            app = create_app(url, sandbox=True)
        except BaseException:
            if seed is not None:
                seed.close()
            if pending is not None:
                pending.discard()
            raise
        ready = app.state.annet.calls_ready
        if seed is not None:
            ready.clear()
        try:
            server = start_app(app, host, port)
        except BaseException:
            app.state.annet.dispose()
            if seed is not None:
                seed.close()
            if pending is not None:
                pending.discard()
            raise
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    server.demo_template = template
    server.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
    if seed is None:
        server.demo_settled.set()
        return server
    stop = threading.Event()
    adding = threading.Thread(
        target=_add_calls_then_open,
        args=(seed, ready, stop, server.demo_settled, pending, path),
        name="annet-demo-calls",
        daemon=True,
    )
    adding.start()

    def stop_adding() -> None:
        stop.set()
        adding.join(STOP_TIMEOUT_S)

    server.add_cleanup(stop_adding)  # runs first: the folder goes last
    return server
