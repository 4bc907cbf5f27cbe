"""The application: command line, QApplication, and the wiring of login → main window → logout.

``annet-desktop [--server URL] [--demo] [--lang ru|en]``

* ``--demo`` starts the reference server in a process of its own on 127.0.0.1 (a free port, a
  fresh demo database in a temporary folder: seeded, or copied from the day's template in the cache
  folder, :func:`annet_desktop.demo_start.demo_template_dir`), spawned by ``annet_desktop.__main__``
  before Qt is imported (:class:`annet_desktop.demo_start.DemoProcess`); the login window waits for
  it in the background, then lists the demo subscribers. The server ends with the app (it stops
  when its stdin closes, also when the app dies);
* otherwise the server address comes from the settings (default ``https://my.an-net.ru``);
  plain ``http://`` is refused for any host but loopback.

Heavy packages stay out of the way of the first paint: the API (requests, pydantic) loads in the
API thread on the first request, keyring after the login window is shown, the server package never
(it runs in the demo server's process), and the main window's modules only after a successful login.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from . import __version__, i18n
from .background import run_in_background
from .command_line import parse_args
from .credentials import Credentials
from .demo_start import DemoProcess, demo_template_dir
from .domain.urls import ServerUrlError, check_server_url
from .i18n import translate
from .process import limit_core_size
from .settings import Settings
from .ui.after_paint import after_first_paint
from .ui.feature_check import install_feature_check
from .ui.login_dialog import LoginDialog
from .ui.messages import Messages, server_url_error_text
from .ui.settings_reset import tell_settings_reset
from .worker import Worker

install_feature_check()  # PySide6's import hook: no source kept (12 MB), no import inside an import

log = logging.getLogger(__name__)

# how long a new server address waits for the logout on the old server
LOGOUT_WAIT_MS = 5000


class AppController(QObject):
    """Owns the long-lived parts (settings, worker, state, messages) and switches the windows."""

    demoReady = Signal(object, object)  # DemoProcess | None, list[DemoAccount] | error
    loggedIn = Signal()
    loggedOut = Signal()

    def __init__(
        self,
        *,
        server_url: str | None = None,
        language: str | None = None,
        demo: bool = False,
        settings: Settings | None = None,
        credentials: Credentials | None = None,
        demo_process: DemoProcess | None = None,
    ) -> None:
        """``demo_process``: the demo server spawned already (``annet_desktop.__main__``); with
        ``demo`` and none, :meth:`start` spawns it."""
        super().__init__()
        self.settings = settings or Settings()
        self.language = language or self.settings.language
        i18n.install(self.language)
        self.credentials = credentials if credentials is not None else Credentials()
        self.messages = Messages(self)
        self.demo = demo
        # the address given with --server (it wins over the settings for this run)
        self.server_override = server_url
        #: the running demo server (a :class:`DemoProcess`: ``url``, ``settled``, ``stop()``), once ready
        self.demo_server: DemoProcess | None = None
        self._demo_process = demo_process  # spawned, maybe not ready yet: stopped by shutdown
        self.demo_accounts: list[Any] = []
        self.url_error: str | None = None
        #: the address shown in the login window: the one in use, or a refused one (without its
        #: secrets) until the user fixes it in the settings
        self.shown_url = ""
        url = server_url or self.settings.server_url
        # the worker is never pointed at a refused address: it starts with none at all
        self.worker = Worker("", self.language, parent=self)
        if not demo:
            self._use_server(url)
        self._state: Any = None  # CabinetState, made at the first login (not before the first paint)
        self.worker.reloginRequired.connect(self._relogin)
        self.login_dialog: LoginDialog | None = None
        self.window: Any = None
        self.relogin_dialog: Any = None
        self.account = ""
        #: the tray, background refresh and notifications (ui/watch.py), made after the main window
        #: is first shown; ``make_tray_port(parent)`` gives its tray (tests give one of their own)
        self.watch: Any = None
        self.make_tray_port: Any = None
        self._subscribers: Any = None  # «Абоненты»: made on first use (not before the first paint)
        self.demoReady.connect(self._demo_ready)

    def _use_server(self, url: str) -> bool:
        """Talk to ``url`` from now on if it is acceptable; else keep the old one and say why.

        ``url_error`` is the refusal in the user's words (``None`` once an address is accepted).
        """
        try:
            url = check_server_url(url)
        except ServerUrlError as exc:
            self.url_error = server_url_error_text(exc)
            self.shown_url = exc.shown
            return False
        self.url_error = None
        self.shown_url = url
        self.worker.configure(url)
        self.messages.server_url = url
        return True

    @property
    def state(self) -> Any:
        """The :class:`~annet_desktop.state.CabinetState` of the session (made on first use)."""
        if self._state is None:
            from .state import CabinetState

            self._state = CabinetState(self.worker, self)
        return self._state

    # ------------------------------------------------------------------ start
    def start(self) -> LoginDialog:
        """Show the login window (and start the demo server behind it)."""
        waiting = translate("App", "Запускается демонстрационный сервер…") if self.demo else None
        dialog = self.show_login(waiting)
        dialog.firstPainted.connect(self.worker.warm_up)
        if self.demo:
            dialog.firstPainted.connect(self._preload_session)
            if self._demo_process is None:
                self._demo_process = DemoProcess.spawn(demo_template_dir())
            process = self._demo_process
            run_in_background(
                lambda: (process, process.wait_ready()[1]),
                receiver=self,
                on_done=self._demo_started,
                on_failed=self._demo_failed,
                name="annet-demo-start",
            )
        elif self.url_error:
            dialog.set_server(self.shown_url, self.url_error)
        if self.settings.reset_reason:
            self.settings_reset_box = tell_settings_reset(self.settings, dialog)
        return dialog

    def _preload_session(self) -> None:
        """``--demo``: import the main window's modules while the demo server starts in its own
        process (the login window waits for it, the GUI thread is idle; the login does not)."""

        def preload() -> None:
            if self.window is None and self.demo_server is None:
                from . import state, subscribers  # noqa: F401
                from .ui import main_window  # noqa: F401

        QTimer.singleShot(0, self, preload)  # after the paint's own work

    def _demo_started(self, started: tuple[Any, list[Any]]) -> None:
        self.demoReady.emit(*started)

    def _demo_failed(self, error: BaseException) -> None:
        log.error("demo server failed: %s", error, exc_info=error)
        self._demo_process = None  # wait_ready stopped it
        self.demoReady.emit(None, error)

    def _demo_ready(self, server: Any, accounts: Any) -> None:
        dialog = self.login_dialog
        if server is None:
            if dialog is not None:
                dialog.set_ready()
                failed = translate("App", "Не удалось запустить демонстрационный сервер: {error}")
                dialog.set_server("", failed.format(error=accounts))
            return
        self.demo_server = server
        self.demo_accounts = list(accounts)
        self._use_server(server.url)
        if dialog is not None:
            dialog.set_server(server.url)
            dialog.set_demo_accounts(accounts)
            dialog.set_ready()

    def show_login(self, waiting: str | None = None) -> LoginDialog:
        """The login window, shown; ``waiting`` is set before ``show()``, so Qt sizes it for it."""
        dialog = LoginDialog(
            self.worker, self.settings, self.credentials, demo_accounts=self.demo_accounts, demo=self.demo
        )
        dialog.loggedIn.connect(self._logged_in)
        dialog.rejected.connect(self._login_closed)
        dialog.settingsSaved.connect(self._settings_saved)
        self.login_dialog = dialog
        if waiting:
            dialog.set_waiting(waiting)
        dialog.show()
        return dialog

    def _settings_saved(self, keys: list[str]) -> None:
        """A new server address chosen before logging in applies at once (not in demo mode)."""
        dialog = self.login_dialog
        if "server/url" not in keys or self.demo or dialog is None or self.window is not None:
            return
        if not self._use_server(self.settings.server_url):
            dialog.set_server(self.shown_url, self.url_error)
            return
        url = self.worker.base_url
        dialog.error.hide()
        dialog.accept_button.setEnabled(True)
        dialog.set_server(url)

    def _login_closed(self) -> None:
        if self.window is None:
            QCoreApplication.quit()

    # ------------------------------------------------------------------ session
    def _logged_in(self, account: str, me: Any) -> None:
        from .ui.main_window import MainWindow
        from .ui.tabs.context import TabContext

        self.account = account
        self.login_dialog = None
        self.state.start_session(me, account)
        ctx = TabContext(
            self.state, self.worker, self.messages, self.settings, self.credentials,
            demo_origin=self.demo_server.url if self.demo_server is not None else None,
        )  # fmt: skip
        self.window = MainWindow(ctx)
        self.window.logoutRequested.connect(self.logout)
        self.subscribers.logged_in(account, me, self.window.subscribers_menu)
        self.window.show()
        self.loggedIn.emit()
        if self.watch is None:
            QTimer.singleShot(0, self, self._start_watch)

    def _start_watch(self) -> None:
        """The tray and the background refresh, once the main window is on screen."""
        from .ui.watch import Watch

        if self.watch is None and self.window is not None:
            port = self.make_tray_port(self) if self.make_tray_port is not None else None
            self.watch = Watch(self, port)

    @property
    def subscribers(self) -> Any:
        """The :class:`~annet_desktop.subscribers.Subscribers` (remembered ones, switching, balances)."""
        if self._subscribers is None:
            from .subscribers import Subscribers

            self._subscribers = Subscribers(self)
        return self._subscribers

    def stored_password(self) -> str | None:
        """The password of the logged-in account from the keyring (the demo's own, in demo mode)."""
        return self.subscribers.stored_password(self.account) or None

    def quit_app(self) -> None:
        """«Выход» of the tray: end the app (the session is ended on the way out, see shutdown)."""
        QCoreApplication.quit()

    def logout(self) -> None:
        """«Выход»: end the session on the server, drop all pending work and data, back to login."""
        self.worker.reset_session()
        ended = self.worker.submit(lambda client: client.logout(), relogin=False)
        self.messages.close_all()
        if self.relogin_dialog is not None:
            self.relogin_dialog.close()
            self.relogin_dialog = None
        self.state.clear()
        window, self.window = self.window, None
        dialog = self.show_login()  # before the main window goes, so there is always a window on screen
        self._switch_server_after(ended, dialog)
        if window is not None:
            window.save()
            window.hide()
            window.deleteLater()
        self.loggedOut.emit()

    def _switch_server_after(self, ended: Any, dialog: LoginDialog) -> None:
        """A server address saved in the settings during the session applies from this login on,
        once the old session has been ended on the old server (the logout job ``ended``)."""
        if self.demo or self.server_override or self.settings.server_url == self.worker.base_url:
            return
        dialog.set_waiting(translate("App", "Завершается сеанс на прежнем сервере…"))
        switched = False

        def switch(*_args: Any) -> None:
            nonlocal switched
            if switched:
                return
            switched = True
            self._use_server(self.settings.server_url)
            if self.login_dialog is dialog:
                dialog.set_ready()
                dialog.set_server(self.shown_url, self.url_error)

        # both run only while the login window lives: a logout that never answers must not hold
        # the form (the timer), and neither reaches a window that has gone meanwhile
        ended.then(dialog, switch, switch)
        QTimer.singleShot(LOGOUT_WAIT_MS, dialog, switch)

    def _relogin(self) -> None:
        """The session expired under a request: ask for the password over the window."""
        from .ui.relogin import ReloginDialog

        if self.window is None:
            self.worker.abandon_held()
            return
        stored = self.subscribers.stored_password(self.account)
        dialog = ReloginDialog(self.worker, self.account, stored, self.window)
        dialog.relogged.connect(self._relogged)
        dialog.gaveUp.connect(self._gave_up)
        self.relogin_dialog = dialog
        dialog.open()

    def _relogged(self, me: Any) -> None:
        self.relogin_dialog = None
        self.state.apply_me(me)
        self.worker.resume_after_relogin()

    def _gave_up(self) -> None:
        if self.relogin_dialog is None:
            return
        self.relogin_dialog = None
        self.worker.abandon_held()
        self.logout()

    def shutdown(self, logout_timeout_ms: int = 3000) -> None:
        """End the session on the server (briefly waited for), stop the API thread and the demo server.

        A request in flight is cut short first (a slow refresh must not hold the logout), and the
        API thread is stopped by cutting whatever still runs short: closing never waits for a
        slow server longer than ``logout_timeout_ms``.
        """
        if self.window is not None:
            self.window.save()
        if self.watch is not None:
            self.watch.close()
            self.watch = None
        if self._state is not None and self._state.logged_in and not self.worker.stopped:
            self.worker.reset_session()
            self.worker.interrupt_running()
            reply = self.worker.submit(lambda client: client.logout(), relogin=False)
            from PySide6.QtCore import QEventLoop  # only here: not before the first paint

            loop = QEventLoop()
            reply.finished.connect(loop.quit)
            reply.failed.connect(loop.quit)
            QTimer.singleShot(logout_timeout_ms, loop.quit)
            if not reply.done:
                loop.exec()
            self.state.clear()
        self.worker.stop()
        process, self._demo_process, self.demo_server = self._demo_process, None, None
        if process is not None:
            process.stop()


def main(args: argparse.Namespace | None = None, *, demo: DemoProcess | None = None) -> int:
    """Run the app; the exit code. ``args``: the command line ``annet_desktop.__main__`` parsed
    (``None``: parse it now); ``demo``: the ``--demo`` server's process it spawned, if any."""
    args = parse_args() if args is None else args
    if args.self_test:  # served by annet_desktop.__main__ (the self-test imports this module)
        raise SystemExit("annet-desktop: run --self-test through python -m annet_desktop")
    limit_core_size()  # the password and the session token will live in this process's memory
    logging.basicConfig(level=os.environ.get("ANNET_LOG", "WARNING"))
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName("Annet")
    app.setApplicationName("annet-desktop")
    app.setApplicationDisplayName(translate("App", "Аннет — личный кабинет"))
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("annet-desktop")  # Wayland/X11: matches resources/annet-desktop.desktop
    settings = Settings()
    language = args.lang or settings.language
    i18n.install(language)
    controller = AppController(
        server_url=args.server, language=language, demo=args.demo, settings=settings, demo_process=demo
    )
    after_first_paint(app, controller.start())
    if controller.url_error:
        print(controller.url_error, file=sys.stderr)
    if os.environ.get("ANNET_EXIT_AFTER_PAINT") or os.environ.get("ANNET_AUTO_LOGIN"):
        from . import startup_probe  # the startup benchmark's hooks (see that module)

        startup_probe.install(app, controller)
    try:
        code = app.exec()
    finally:
        controller.shutdown()
    return int(code)
