"""The visitor's identity as a kernel learns it: a short-lived token that only the server can make.

A Voilà kernel sees no cookies; it learns about its request from the environment (``HTTP_<HEADER>`` variables,
which Voilà copies from the request headers named in ``VoilaConfiguration.http_header_envs``; a pre-heated kernel
gets them through ``voila.utils.wait_for_request``). The server therefore drops any copy of the header a browser
sends, puts its own in its place, and signs it with HMAC-SHA256 under a secret of this server process
(``WIJKKOMPAS_IDENTITEIT_GEHEIM``, which the kernels inherit). A forged, altered or expired token reads as no
visitor at all (a guest).

Pure: no SQLAlchemy, no ipywidgets, no tornado.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import ipaddress
import time
from collections.abc import Mapping

ENV_MODUS = "WIJKKOMPAS_AANMELDMODUS"
ENV_GEHEIM = "WIJKKOMPAS_IDENTITEIT_GEHEIM"
HEADER = "X-Wijkkompas-Identiteit"
ENV_HEADER = "HTTP_" + HEADER.upper().replace("-", "_")  # HTTP_X_WIJKKOMPAS_IDENTITEIT, as Voilà names it
ENV_HUB_GEBRUIKER = "JUPYTERHUB_USER"
MODI = ("lokaal", "aanmelden", "proxy", "hub")
STANDAARD_MODUS = "lokaal"
GELDIG_S = 300  # a kernel reads the token while its page loads; a cold start under load takes about a minute
MAX_TOKEN = 600
_DOEL = b"wijkkompas-identiteit-v1\x00"  # the token signs this purpose too, so no other HMAC of ours fits


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _van_b64(tekst: str) -> bytes:
    return base64.urlsafe_b64decode(tekst + "=" * (-len(tekst) % 4))


def _handtekening(inhoud: bytes, geheim: str) -> bytes:
    return hmac.new(geheim.encode("utf-8"), _DOEL + inhoud, hashlib.sha256).digest()


def teken(naam: str, geheim: str, *, nu: float | None = None, geldig_s: int = GELDIG_S) -> str:
    """A token saying 'this request is ``naam``', valid for ``geldig_s`` seconds from ``nu`` (epoch seconds)."""
    if not geheim:
        raise ValueError("Er is geen geheim om de identiteit mee te ondertekenen.")
    if not naam or "\n" in naam:
        raise ValueError("Een identiteit heeft een naam zonder regeleinde.")
    verloopt = int((time.time() if nu is None else nu) + geldig_s)
    inhoud = f"{verloopt}\n{naam}".encode()
    return f"{_b64(inhoud)}.{_b64(_handtekening(inhoud, geheim))}"


def lees(token: str | None, geheim: str | None, *, nu: float | None = None) -> str | None:
    """The name in a token made by ``teken`` with the same secret, or None if it is missing, forged, altered or
    expired."""
    if not token or not geheim or len(token) > MAX_TOKEN or token.count(".") != 1:
        return None
    deel_inhoud, deel_handtekening = token.split(".")
    try:
        inhoud, handtekening = _van_b64(deel_inhoud), _van_b64(deel_handtekening)
    except (binascii.Error, ValueError):
        return None
    if not hmac.compare_digest(handtekening, _handtekening(inhoud, geheim)):
        return None
    try:
        verloopt_tekst, naam = inhoud.decode("utf-8").split("\n", 1)
        verloopt = int(verloopt_tekst)
    except (UnicodeDecodeError, ValueError):
        return None
    if verloopt <= (time.time() if nu is None else nu) or not naam:
        return None
    return naam


def modus(omgeving: Mapping[str, str]) -> str:
    """The sign-in mode from ``WIJKKOMPAS_AANMELDMODUS`` (default ``lokaal``), lower-case."""
    return (omgeving.get(ENV_MODUS) or STANDAARD_MODUS).strip().lower()


def bezoeker(omgeving: Mapping[str, str], *, nu: float | None = None) -> tuple[str, str | None]:
    """(mode, login name of the visitor or None) as a kernel sees it in its environment.

    - ``lokaal``: no sign-in, one person: (``lokaal``, None);
    - ``aanmelden`` and ``proxy``: the server's signed ``X-Wijkkompas-Identiteit`` header; None (a guest) when
      it is missing, forged or expired;
    - ``hub``: ``JUPYTERHUB_USER``, set by JupyterHub's spawner for the user's own server.

    An unknown mode is returned as it is with None: the caller treats everything but ``lokaal`` as signed-in
    mode, so a typo never opens the store to everyone."""
    gekozen = modus(omgeving)
    if gekozen == "lokaal":
        return gekozen, None
    if gekozen in ("aanmelden", "proxy"):
        naam = lees(omgeving.get(ENV_HEADER), omgeving.get(ENV_GEHEIM), nu=nu)
        return gekozen, naam.strip().lower() if naam else None
    if gekozen == "hub":
        naam = (omgeving.get(ENV_HUB_GEBRUIKER) or "").strip().lower()
        return gekozen, naam or None
    return gekozen, None


def is_loopback(adres: str) -> bool:
    """Whether an address (or 'localhost') is this machine only; '', '0.0.0.0' and '::' are every interface."""
    if adres == "localhost":
        return True
    try:
        return ipaddress.ip_address(adres.split("%", 1)[0].strip("[]")).is_loopback
    except ValueError:
        return False
