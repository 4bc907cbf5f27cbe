"""The guarded Qt WebEngine classes of the payment dialog (R-PAY-5); imported only when a page opens.

:mod:`.payment` imports this module when the first payment page is about to open, so the app
starts, and runs until then, without Qt WebEngine. What a page may open is decided by the pure
policy in :mod:`annet_desktop.domain.urls`; here it is enforced twice (the page's navigation
check and a request interceptor) and everything else a page could ask for is refused.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtWebEngineCore import (
    QWebEngineCertificateError,
    QWebEngineDownloadRequest,
    QWebEnginePage,
    QWebEnginePermission,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView

from ...domain.urls import SUBFRAME_SCHEMES, allowed_page, allowed_resource, same_endpoint

__all__ = ["GuardedInterceptor", "GuardedPage", "QWebEngineView", "make_profile", "refuse_download"]


class GuardedInterceptor(QWebEngineUrlRequestInterceptor):
    """Blocks every request the policy refuses (runs on WebEngine's IO thread: pure checks only)."""

    def __init__(self, parent: QObject | None = None, demo_origin: str | None = None) -> None:
        super().__init__(parent)
        self.blocked: list[str] = []
        self.demo_origin = demo_origin

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl().toString()
        main = info.resourceType() == QWebEngineUrlRequestInfo.ResourceType.ResourceTypeMainFrame
        if not allowed_resource(url, main, self.demo_origin):
            scheme = urlsplit(url).scheme
            self.blocked.append(scheme + ":" if scheme in ("data", "blob") else url)
            info.block(True)


class GuardedPage(QWebEnginePage):
    """A page that opens only what the policy allows and reports the return address."""

    returnReached = Signal(QUrl)
    navigationRefused = Signal(QUrl)
    certificateRejected = Signal(QUrl)
    permissionDenied = Signal(str)

    def __init__(
        self,
        profile: QWebEngineProfile,
        returns: tuple[str, str],
        parent: QObject,
        demo_origin: str | None = None,
    ) -> None:
        super().__init__(profile, parent)
        self.returns = returns
        #: the embedded demo server's origin: the only place plain http pages may come from
        self.demo_origin = demo_origin
        self.refused: list[str] = []
        self.denied: list[str] = []
        self.rejected_certificates: list[str] = []
        self.download_states: list[Any] = []
        #: the last main-frame address reached without a form post («Открыть в браузере»)
        self.shareable_url = QUrl()
        self.certificateError.connect(self._on_certificate_error)
        self.permissionRequested.connect(self._on_permission)
        self.fileSystemAccessRequested.connect(lambda request: request.reject())
        self.desktopMediaRequested.connect(lambda request: request.cancel())
        self.registerProtocolHandlerRequested.connect(lambda request: request.reject())
        self.selectClientCertificate.connect(lambda selection: selection.selectNone())
        self.fullScreenRequested.connect(lambda request: request.reject())

    def start_renderer(self) -> None:
        """Start this page's renderer process now rather than at its first load (the payment
        dialog calls it while the order is being created). Qt WebEngine starts it when the page is
        first initialised, and reading the history's length initialises it: no navigation, nothing
        loaded, no history entry, no loadStarted/loadFinished — nothing the guards need to see
        (``tests/ui/test_payment_flow.py`` checks the process is there before the order is back)."""
        self.history().count()

    # -- navigation
    def acceptNavigationRequest(
        self, url: QUrl | str, nav_type: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        qurl = QUrl(url)
        text = qurl.toString()
        if is_main_frame and any(same_endpoint(text, r) for r in self.returns):
            self.returnReached.emit(qurl)
            return False
        ok = allowed_page(text, self.demo_origin) or (not is_main_frame and qurl.scheme() in SUBFRAME_SCHEMES)
        if not ok:
            self.refused.append(qurl.scheme() + ":" if qurl.scheme() in ("data", "blob") else text)
            self.navigationRefused.emit(qurl)
            return False
        if is_main_frame and nav_type != QWebEnginePage.NavigationType.NavigationTypeFormSubmitted:
            self.shareable_url = qurl
        return True

    def createWindow(self, _type: QWebEnginePage.WebWindowType) -> QWebEnginePage:
        return None  # type: ignore[return-value]  # no pop-ups, no new tabs: window.open gives null

    def chooseFiles(self, *_args: Any) -> list[str]:
        return []  # the payment pages have nothing to upload

    def javaScriptConsoleMessage(self, *_args: Any) -> None:
        return  # never log what the page prints: it could be what the payer typed

    # -- certificates and permissions
    def _on_certificate_error(self, error: QWebEngineCertificateError) -> None:
        error.rejectCertificate()
        self.rejected_certificates.append(error.url().toString())
        self.certificateRejected.emit(error.url())

    def _on_permission(self, permission: QWebEnginePermission) -> None:
        permission.deny()
        name = getattr(permission.permissionType(), "name", str(permission.permissionType()))
        self.denied.append(name)
        self.permissionDenied.emit(name)


def make_profile(
    parent: QObject, demo_origin: str | None = None
) -> tuple[QWebEngineProfile, GuardedInterceptor]:
    """An off-the-record profile for one dialog, locked down, and its request interceptor
    (plain http only from ``demo_origin``, the embedded demo server)."""
    # no storage name: off the record — cookies, cache, storage only in memory, gone with it
    profile = QWebEngineProfile(parent)
    profile.setPersistentPermissionsPolicy(QWebEngineProfile.PersistentPermissionsPolicy.AskEveryTime)
    profile.setSpellCheckEnabled(False)
    profile.setPushServiceEnabled(False)
    interceptor = GuardedInterceptor(profile, demo_origin)
    profile.setUrlRequestInterceptor(interceptor)
    profile.downloadRequested.connect(refuse_download)
    settings = profile.settings()
    attr = QWebEngineSettings.WebAttribute
    for name, value in (
        (attr.JavascriptCanOpenWindows, False),
        (attr.LocalContentCanAccessFileUrls, False),
        (attr.LocalContentCanAccessRemoteUrls, False),
        (attr.NavigateOnDropEnabled, False),
        (attr.PluginsEnabled, False),
        (attr.PdfViewerEnabled, False),
        (attr.JavascriptCanAccessClipboard, False),
        (attr.JavascriptCanPaste, False),
        (attr.AllowWindowActivationFromJavaScript, False),
        (attr.FullScreenSupportEnabled, False),
        (attr.ScreenCaptureEnabled, False),
        (attr.AllowRunningInsecureContent, False),
        (attr.AllowGeolocationOnInsecureOrigins, False),
        (attr.WebRTCPublicInterfacesOnly, True),
        (attr.HyperlinkAuditingEnabled, False),
        (attr.DnsPrefetchEnabled, False),
    ):
        settings.setAttribute(name, value)
    return profile, interceptor


def refuse_download(download: QWebEngineDownloadRequest) -> None:
    download.cancel()
    page: Any = download.page()
    if page is not None and hasattr(page, "refused"):
        page.refused.append("download:" + download.url().toString())
        page.download_states.append(download.state())
