"""The payment dialog's web view hardening, each line with a test (R-PAY-5), in the real Qt WebEngine.

Pages come from a tiny local site on 127.0.0.1 (http is allowed only on the loopback) and a
self-signed https site; no card data here (the full flows are in test_payment_flow.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_payment_helpers import (  # bare_ctx: a fixture
    LOAD_TIMEOUT_MS,
    TestSite,
    bare_ctx,  # noqa: F401
    js,
    self_signed_cert,
    wait_js,
)

from PySide6.QtCore import QObject, QUrl, Slot  # isort: skip
from PySide6.QtGui import QDesktopServices  # isort: skip


@pytest.fixture
def site() -> Iterator[TestSite]:
    s = TestSite()
    yield s
    s.close()


@pytest.fixture
def dialog(qtbot: Any, bare_ctx: Any, site: TestSite) -> Iterator[Any]:
    """The dialog, with the local test site as the demo server (its plain http is allowed)."""
    from annet_desktop.ui.dialogs.payment import PaymentDialog

    bare_ctx.demo_origin = site.url("")
    d = PaymentDialog(bare_ctx, "100001")
    qtbot.addWidget(d)
    d.show()
    yield d
    if d.isVisible():
        d.reject()


def _open(qtbot: Any, dialog: Any, url: str, returns: tuple[str, str] = ("", "")) -> None:
    dialog.prepare_view(returns)
    with qtbot.waitSignal(dialog.page.loadFinished, timeout=LOAD_TIMEOUT_MS):
        dialog.open_page(QUrl(url), returns)


# --------------------------------------------------------------------------- pure policy


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://pay.assist.ru/pay/", True),
        ("https://acs.some-bank.ru/3ds", True),  # 3-D Secure hosts are not listed in advance
        ("http://127.0.0.1:8000/pay/", False),  # plain http: only from the demo server's origin
        ("http://localhost:8000/pay/", False),
        ("http://[::1]:8000/pay/", False),
        ("http://pay.assist.ru/pay/", False),  # plain http elsewhere
        ("http://10.0.0.1/", False),
        ("file:///etc/passwd", False),
        ("data:text/html,<h1>x</h1>", False),
        ("javascript:alert(1)", False),
        ("ftp://127.0.0.1/", False),
        ("about:blank", False),
        ("https:///nohost", False),
    ],
)
def test_page_policy(url: str, ok: bool) -> None:
    from annet_desktop.domain.urls import allowed_page

    assert allowed_page(url) is ok


DEMO = "http://127.0.0.1:8000"


@pytest.mark.parametrize(
    ("url", "origin", "ok"),
    [
        ("http://127.0.0.1:8000/pay/", DEMO, True),  # the embedded demo server's sandbox
        ("http://127.0.0.1:8000", DEMO + "/", True),
        ("HTTP://127.0.0.1:8000/pay/", DEMO, True),
        ("http://127.0.0.1:8001/pay/", DEMO, False),  # another port of the same machine
        ("http://127.0.0.2:8000/pay/", DEMO, False),
        ("http://localhost:8000/pay/", DEMO, False),  # the same machine by another name
        ("http://127.0.0.1/pay/", "http://127.0.0.1", True),  # port 80 either way
        ("http://127.0.0.1:80/pay/", "http://127.0.0.1", True),
        ("http://[::1]:8000/pay/", "http://[::1]:8000", True),
        ("http://10.0.0.1:8000/pay/", "http://10.0.0.1:8000", False),  # an origin off the loopback
        ("http://127.0.0.1:8000/pay/", "https://127.0.0.1:8000", False),  # not an http origin
        ("http://127.0.0.1:8000/pay/", "http://[::1", False),  # unparsable: nothing allowed
        ("https://pay.assist.ru/pay/", DEMO, True),
    ],
)
def test_page_policy_with_the_demo_origin(url: str, origin: str, ok: bool) -> None:
    from annet_desktop.domain.urls import allowed_page, allowed_resource

    assert allowed_page(url, origin) is ok
    assert allowed_resource(url, True, origin) is ok and allowed_resource(url, False, origin) is ok


def test_resource_policy() -> None:
    from annet_desktop.domain.urls import allowed_resource

    assert allowed_resource("data:image/png;base64,AAAA", main_frame=False)
    assert not allowed_resource("data:text/html,x", main_frame=True)
    assert not allowed_resource("file:///etc/passwd", main_frame=False)
    assert not allowed_resource("http://192.0.2.1/x.png", main_frame=False)
    assert allowed_resource("https://cdn.bank.ru/x.png", main_frame=False)


def test_return_urls_from_payment_url() -> None:
    from annet_desktop.domain.urls import return_urls, same_endpoint

    ok, no = return_urls(
        "http://127.0.0.1:1/pay/?OrderNumber=1&URL_RETURN_OK=http%3A%2F%2F127.0.0.1%3A1%2Fpay%2Freturn%2Fok"
        "&URL_RETURN_NO=http%3A%2F%2F127.0.0.1%3A1%2Fpay%2Freturn%2Fno"
    )
    assert ok == "http://127.0.0.1:1/pay/return/ok" and no == "http://127.0.0.1:1/pay/return/no"
    assert same_endpoint("http://127.0.0.1:1/pay/return/ok?OrderNumber=1&Billnumber=2", ok)
    assert not same_endpoint("http://127.0.0.1:2/pay/return/ok", ok)
    assert not same_endpoint("https://127.0.0.1:1/pay/return/ok", ok)


def test_web_engine_is_imported_lazily() -> None:
    import subprocess
    import sys

    code = (
        "import sys; import annet_desktop.ui.dialogs.payment; "
        "print('PySide6.QtWebEngineWidgets' in sys.modules, 'PySide6.QtWebEngineCore' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "False False"


# --------------------------------------------------------------------------- the profile


def test_profile_is_off_the_record_and_locked_down(qtbot: Any, dialog: Any, site: TestSite) -> None:
    _open(qtbot, dialog, site.url("/plain"))
    web_settings = dialog.page.settings()
    from PySide6.QtWebEngineCore import QWebEngineProfile, QWebEngineSettings

    attr = QWebEngineSettings.WebAttribute
    assert dialog.profile.isOffTheRecord()
    assert dialog.profile is not QWebEngineProfile.defaultProfile()
    assert dialog.page.profile() is dialog.profile
    assert (
        dialog.profile.persistentCookiesPolicy()
        == QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies
    )
    assert dialog.profile.httpCacheType() == QWebEngineProfile.HttpCacheType.MemoryHttpCache
    assert web_settings.testAttribute(attr.JavascriptCanOpenWindows) is False
    assert web_settings.testAttribute(attr.LocalContentCanAccessFileUrls) is False
    assert web_settings.testAttribute(attr.NavigateOnDropEnabled) is False
    assert web_settings.testAttribute(attr.PluginsEnabled) is False
    assert dialog.page.webChannel() is None  # no QWebChannel: the page reaches nothing of the app


def test_page_is_deleted_before_the_profile_when_the_dialog_closes(
    qtbot: Any, dialog: Any, site: TestSite
) -> None:
    _open(qtbot, dialog, site.url("/plain"))
    order: list[str] = []
    dialog.page.destroyed.connect(lambda: order.append("page"))
    dialog.profile.destroyed.connect(lambda: order.append("profile"))
    dialog.view.destroyed.connect(lambda: order.append("view"))
    dialog.reject()
    qtbot.waitUntil(lambda: len(order) == 3)
    assert order == ["view", "page", "profile"]
    assert dialog.profile is None and dialog.page is None


def test_cookies_do_not_survive_the_dialog(qtbot: Any, bare_ctx: Any, site: TestSite) -> None:
    from annet_desktop.ui.dialogs.payment import PaymentDialog

    bare_ctx.demo_origin = site.url("")
    first = PaymentDialog(bare_ctx, "100001")
    qtbot.addWidget(first)
    first.show()
    _open(qtbot, first, site.url("/cookie"))
    assert "session=abc123" in js(qtbot, first.page, "document.cookie")
    js(qtbot, first.page, "localStorage.setItem('k','v'); 1")
    first.reject()

    second = PaymentDialog(bare_ctx, "100001")
    qtbot.addWidget(second)
    second.show()
    _open(qtbot, second, site.url("/plain"))
    assert js(qtbot, second.page, "document.cookie") == ""
    assert js(qtbot, second.page, "localStorage.getItem('k') === null") is True
    second.reject()


# --------------------------------------------------------------------------- navigation


def test_file_link_does_nothing(qtbot: Any, dialog: Any, site: TestSite) -> None:
    _open(qtbot, dialog, site.url("/links"))
    js(qtbot, dialog.page, "document.getElementById('file').click(); 1")
    # navigations run in order: once the next one has loaded, the file: link had its chance
    with qtbot.waitSignal(dialog.page.loadFinished, timeout=LOAD_TIMEOUT_MS):
        js(qtbot, dialog.page, "location.href = '/plain'; 1")
    assert dialog.page.url().toString() == site.url("/plain")
    assert js(qtbot, dialog.page, "history.length") == 2  # /links, /plain: no file: page in between
    assert js(qtbot, dialog.page, "document.getElementById('text').textContent") == "plain page"


def test_top_level_data_and_file_urls_are_refused(qtbot: Any, dialog: Any, site: TestSite) -> None:
    _open(qtbot, dialog, site.url("/plain"))
    for url in ("data:text/html,<h1>data</h1>", "file:///etc/hostname", "http://192.0.2.1/pay/"):
        with qtbot.waitSignal(dialog.page.navigationRefused, timeout=LOAD_TIMEOUT_MS):
            dialog.page.load(QUrl(url))
    assert js(qtbot, dialog.page, "document.getElementById('text').textContent") == "plain page"
    assert "data:" in dialog.page.refused and "file:///etc/hostname" in dialog.page.refused


#: the page adds two images and counts their load/error events: ``window.seen`` ends as 2
_TWO_IMAGES = """
window.seen = 0;
for (const [id, src] of [['own', %r], ['other', %r]]) {
  const img = new Image(); img.id = id;
  img.onload = img.onerror = () => {
    img.dataset.done = img.naturalWidth > 0 ? 'loaded' : 'failed'; window.seen++;
  };
  document.body.appendChild(img); img.src = src;
}
1
"""


def test_interceptor_blocks_what_the_policy_refuses(qtbot: Any, dialog: Any, site: TestSite) -> None:
    """What the web engine really fetched, seen by the servers: the demo origin's image is loaded,
    another origin's (plain http on another port) never reaches its server and fails in the page."""
    other = TestSite()  # http://127.0.0.1:<another port>: not the demo origin
    try:
        _open(qtbot, dialog, site.url("/plain"))
        js(qtbot, dialog.page, _TWO_IMAGES % (site.url("/pixel.png"), other.url("/pixel.png")))
        wait_js(qtbot, dialog.page, "window.seen === 2")
        assert js(qtbot, dialog.page, "document.getElementById('own').dataset.done") == "loaded"
        assert js(qtbot, dialog.page, "document.getElementById('other').dataset.done") == "failed"
        assert "/pixel.png" in site.hits  # the probe works: an allowed request does reach its server
        assert other.hits == []  # the refused one never left the engine
    finally:
        other.close()


def test_window_open_returns_null(qtbot: Any, dialog: Any, site: TestSite) -> None:
    _open(qtbot, dialog, site.url("/plain"))
    result = js(qtbot, dialog.page, f"window.open('{site.url('/links')}') === null")
    assert result is True
    assert site.hits.count("/links") == 0


def test_self_signed_https_page_is_refused(qtbot: Any, dialog: Any, tmp_path: Path) -> None:
    secure = TestSite(certfile=self_signed_cert(tmp_path))
    try:
        dialog.prepare_view()
        with qtbot.waitSignal(dialog.page.certificateRejected, timeout=LOAD_TIMEOUT_MS) as blocker:
            dialog.page.load(QUrl(secure.url("/secret")))
        assert blocker.args[0].host() == "127.0.0.1"
        assert dialog.page.rejected_certificates == [secure.url("/secret")]
        body = js(qtbot, dialog.page, "document.body ? document.body.innerText : ''")
        assert "SELF-SIGNED SECRET" not in body
        assert "недействителен" in dialog.page_note.text()
    finally:
        secure.close()


class _CertificateError:
    """Stands in for QWebEngineCertificateError: records what the handler decides."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def url(self) -> QUrl:
        return QUrl("https://bad.example/")

    def rejectCertificate(self) -> None:
        self.calls.append("reject")

    def acceptCertificate(self) -> None:
        self.calls.append("accept")

    def defer(self) -> None:
        self.calls.append("defer")


def test_certificate_handler_rejects_explicitly(qtbot: Any, dialog: Any) -> None:
    dialog.prepare_view()
    error = _CertificateError()
    dialog.page._on_certificate_error(error)
    assert error.calls == ["reject"]  # never accepted, never deferred to the user


def test_permission_requests_are_denied(qtbot: Any, dialog: Any, site: TestSite) -> None:
    _open(qtbot, dialog, site.url("/perm"))
    wait_js(qtbot, dialog.page, "window.notif !== 'pending' && window.geo !== 'pending'")
    assert js(qtbot, dialog.page, "window.notif") in ("denied", "default")
    assert js(qtbot, dialog.page, "window.geo").startswith("denied")
    assert dialog.page.denied  # our handler saw the request and denied it


def test_downloads_are_refused(qtbot: Any, dialog: Any, site: TestSite, tmp_path: Path) -> None:
    dialog.prepare_view()
    dialog.profile.setDownloadPath(str(tmp_path / "downloads"))
    _open(qtbot, dialog, site.url("/links"))
    js(qtbot, dialog.page, "document.getElementById('dl').click(); 1")
    qtbot.waitUntil(
        lambda: any(r.startswith("download:") for r in dialog.page.refused), timeout=LOAD_TIMEOUT_MS
    )
    assert not (tmp_path / "downloads").exists() or not any((tmp_path / "downloads").iterdir())


class _Download:
    """Stands in for QWebEngineDownloadRequest: records what the handler decides."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def cancel(self) -> None:
        self.calls.append("cancel")

    def accept(self) -> None:
        self.calls.append("accept")

    def page(self) -> None:
        return None

    def url(self) -> QUrl:
        return QUrl("https://bank.example/file.pdf")


def test_download_handler_cancels_explicitly() -> None:
    from annet_desktop.ui.dialogs.payment import _web

    download = _Download()
    _web().refuse_download(download)
    assert download.calls == ["cancel"]


# --------------------------------------------------------------------------- address line and return


def test_address_line_shows_host_and_security(qtbot: Any, dialog: Any, site: TestSite) -> None:
    _open(qtbot, dialog, site.url("/plain"))
    assert dialog.address.isReadOnly()
    assert dialog.address.text() == f"127.0.0.1:{site.port}"
    assert dialog.lock.text() == "⚠ Не защищено" and not dialog.secure
    from annet_desktop.ui.widgets.naming import unnamed_widgets

    assert unnamed_widgets(dialog) == []
    dialog._show_address(QUrl("https://acs.bank.example/3ds?x=1"))
    assert dialog.address.text() == "acs.bank.example"
    assert dialog.lock.text() == "🔒 Защищено" and dialog.secure


class _Browser(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def test_open_in_browser_opens_the_current_page(qtbot: Any, dialog: Any, site: TestSite) -> None:
    browser = _Browser()
    QDesktopServices.setUrlHandler("http", browser, "handle")
    try:
        _open(qtbot, dialog, site.url("/plain?x=1"))
        dialog.browser_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("http")
    assert browser.opened == [site.url("/plain?x=1")]


def test_return_url_is_caught_before_it_loads(qtbot: Any, dialog: Any, site: TestSite) -> None:
    returns = (site.url("/return/ok"), site.url("/return/no"))
    _open(qtbot, dialog, site.url("/links"), returns)
    with qtbot.waitSignal(dialog.returned, timeout=LOAD_TIMEOUT_MS) as blocker:
        js(qtbot, dialog.page, "document.getElementById('ret').click(); 1")
    assert blocker.args == [True]
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not any(hit.startswith("/return/") for hit in site.hits)


def test_console_messages_of_the_page_are_dropped(
    qtbot: Any, dialog: Any, site: TestSite, qtlog: Any
) -> None:
    _open(qtbot, dialog, site.url("/plain"))
    js(qtbot, dialog.page, "console.log('CONSOLE 4111111111111111'); console.error('CONSOLE ERR'); 1")
    with qtbot.waitSignal(dialog.page.loadFinished, timeout=LOAD_TIMEOUT_MS):
        dialog.page.load(QUrl(site.url("/links")))  # the console messages were delivered before this
    assert not [r for r in qtlog.records if "CONSOLE" in r.message]


def test_return_url_reached_by_a_server_redirect_is_caught(qtbot: Any, dialog: Any, site: TestSite) -> None:
    returns = (site.url("/return/ok"), site.url("/return/no"))
    _open(qtbot, dialog, site.url("/plain"), returns)
    with qtbot.waitSignal(dialog.returned, timeout=LOAD_TIMEOUT_MS):
        js(qtbot, dialog.page, "location.href = '/redirect-return'; 1")
    assert "/redirect-return" in site.hits
    assert not any(hit.startswith("/return/") for hit in site.hits)


def test_plain_http_is_blocked_unless_it_is_the_demo_server(
    qtbot: Any, bare_ctx: Any, site: TestSite
) -> None:
    """Issue 13 (6): http on the loopback was allowed always; now only from the origin passed in
    (the embedded demo server). Any other http page is blocked, and shown as not secure."""
    from annet_desktop.ui.dialogs.payment import PaymentDialog

    bare_ctx.demo_origin = "http://127.0.0.1:9"  # a demo server elsewhere: not this site
    d = PaymentDialog(bare_ctx, "100001")
    qtbot.addWidget(d)
    d.show()
    try:
        d.prepare_view()
        with qtbot.waitSignal(d.page.navigationRefused, timeout=LOAD_TIMEOUT_MS):
            d.open_page(QUrl(site.url("/plain")))
        assert site.hits == []
        assert d.lock.text() == "⚠ Не защищено" and not d.secure
        assert d.address.text() == f"127.0.0.1:{site.port}"
        note = d.page_note.text()
        assert f"127.0.0.1:{site.port}" in note and "(http)" in note and "заблокирована" in note
        assert d.page_note.isVisible()
    finally:
        d.reject()



def test_web_page_fits_the_screen_the_dialog_opens_on(qtbot: Any, dialog: Any) -> None:
    """Issue 15.5: the payment pages want 760 × 820, but never more than the screen offers (the
    offscreen screen is 800 × 800; 1366 × 768 at 200 % is 683 × 384)."""
    dialog.prepare_view()
    area = dialog.screen().availableGeometry()
    assert area.contains(dialog.frameGeometry())
    assert dialog.width() >= min(760, area.width() - 2)  # still as wide as the pages want where there is room
