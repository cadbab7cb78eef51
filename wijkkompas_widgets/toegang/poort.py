"""The gate of the Voilà server: who is visiting, and what they may open. Loaded only in the server process.

One tornado router (``Poort``) sees every request before Voilà's own handlers do. It first drops any
``X-Wijkkompas-Identiteit`` header the browser sent, then, by mode:

- ``lokaal`` and ``hub``: nothing else (one person on loopback; on JupyterHub the kernel takes the user from
  ``JUPYTERHUB_USER`` and the hub guards the door);
- ``aanmelden``: the session cookie ``wijkkompas_sessie`` must belong to an account (``gebruiker_voor_sessie``);
- ``proxy``: the sign-in proxy in front names the user in a header (``X-Forwarded-User`` by default).

A known visitor's request goes on with a signed ``X-Wijkkompas-Identiteit`` (``identiteit.teken``), which Voilà
hands to the kernel. Without a visitor only these pass: static files, the sign-in pages, the kernel's own
connection back to the server (``/voila/query/<kernel>``, from this machine), and the workshop participant page
with its kernel (guests open it with a join code). A page then leads to the sign-in page (``aanmelden``) or
gets a Dutch 403 page (``proxy``); anything else gets a 403.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlencode, urlsplit

from jupyter_server.utils import ensure_async, url_path_join
from tornado.httputil import HTTPServerRequest
from tornado.routing import AnyMatches, Router, Rule
from tornado.web import Application, RequestHandler

from ..dossier.gebruikers import normaliseer_naam
from ..dossier.model import SYSTEEM, AanmeldFout, Gebruiker, InvoerFout, WerkboekFout
from ..dossier.store import DossierStore, standaard_url
from . import identiteit
from .afremmer import Afremmer, minuten
from .identiteit import is_loopback

COOKIE = "wijkkompas_sessie"
AANMELDEN = "aanmelden"  # the sign-in page, under the server's URL: /aanmelden
AFMELDEN = "afmelden"  # sign out: /afmelden
PROXY_HEADER = "X-Forwarded-User"  # what oauth2-proxy sends (--pass-user-headers); set with --proxy-header
DEELNEMER = "workshop_deelnemer.ipynb"
WELKOM = "00_welkom.ipynb"
_OPENBAAR = ("voila/static/", "voila/templates/", "voila/labextensions/", "voila/api/themes/", "static/")
_DOORSTUUR_HEADERS = ("X-Forwarded-For", "X-Real-Ip", "Forwarded")


@dataclass
class Instellingen:
    modus: str
    geheim: str
    server_url: str = "/"
    proxy_header: str = PROXY_HEADER
    eigen_ip: str = "127.0.0.1"
    sessieduur_s: int = 12 * 3600


@dataclass
class Verzoek:
    """What the gate decided about one request (kept on the request for the sign-in handlers)."""

    soort: str  # 'openbaar', 'aanmelden', 'query', 'pagina', 'kernel', 'overig'
    doel: str = ""  # the notebook of a page, or the kernel id
    naam: str | None = None
    cookie_ongeldig: bool = False
    extra: dict = field(default_factory=dict)


class Poort(Router):
    """Runs before every handler of the Voilà application (see ``installeer``)."""

    def __init__(self, app: Application, instellingen: Instellingen, store, notebook_van_kernel: Callable):
        self._app = app
        self.instellingen = instellingen
        self.store = store  # a DossierStore acting as SYSTEEM (sessions and proxy accounts)
        self.afremmer = Afremmer()
        self._notebook_van_kernel = notebook_van_kernel
        self._gastkernels: set[str] = set()
        self._proxy_bekend: set[str] = set()

    # -- urls ----------------------------------------------------------------------------------------------
    def url(self, pad: str) -> str:
        return url_path_join(self.instellingen.server_url, pad)

    def welkom(self) -> str:
        return self.url(f"voila/render/{WELKOM}")

    def aanmeld_url(self, volgende: str | None = None, **extra: str) -> str:
        velden = {**({"volgende": volgende} if volgende else {}), **extra}
        return self.url(AANMELDEN) + (f"?{urlencode(velden)}" if velden else "")

    def veilig_volgende(self, waarde: str | None) -> str:
        """Only a path on this server; anything else (another site, '//host', odd characters) goes to the
        welcome page, so the sign-in page cannot be used to send someone elsewhere."""
        if not waarde or len(waarde) > 2000 or any(t in waarde for t in "\\\r\n\t") or waarde.startswith("//"):
            return self.welkom()
        delen = urlsplit(waarde)
        if delen.scheme or delen.netloc or not delen.path.startswith(self.instellingen.server_url):
            return self.welkom()
        if self._indeling(delen.path)[0] in ("aanmelden", "query", "kernel"):
            return self.welkom()
        return waarde

    # -- what a request is ---------------------------------------------------------------------------------
    def _indeling(self, pad: str) -> tuple[str, str]:
        basis = self.instellingen.server_url
        pad = unquote(pad)
        if not pad.startswith(basis):
            return "overig", ""
        rel = pad[len(basis):]
        if rel.startswith(_OPENBAAR) or rel == "favicon.ico":
            return "openbaar", ""
        if rel in (AANMELDEN, AFMELDEN):
            return "aanmelden", rel
        delen = rel.split("/")
        if len(delen) == 3 and delen[:2] == ["voila", "query"]:
            return "query", delen[2]
        if delen[:2] == ["api", "kernels"] and len(delen) in (3, 4) and (len(delen) == 3 or delen[3] == "channels"):
            return "kernel", delen[2]
        if len(delen) == 4 and delen[:3] == ["voila", "api", "shutdown"]:
            return "kernel", delen[3]
        if rel.startswith("voila/render/"):
            return "pagina", rel.removeprefix("voila/render/")
        if rel in ("", "voila", "voila/") or rel.startswith("voila/tree"):
            return "pagina", ""
        return "overig", rel

    def client_adres(self, request: HTTPServerRequest) -> str:
        """The visitor's address; behind a proxy on this machine the one it added last to X-Forwarded-For."""
        adres = request.remote_ip or ""
        doorgestuurd = request.headers.get("X-Forwarded-For", "")
        if doorgestuurd and is_loopback(adres):
            return doorgestuurd.split(",")[-1].strip()[:64] or adres
        return adres

    def _van_deze_machine(self, request: HTTPServerRequest) -> bool:
        """The kernel's own websocket: from this machine, straight (a proxy would add its headers)."""
        adres = request.remote_ip or ""
        if not (is_loopback(adres) or adres == self.instellingen.eigen_ip):
            return False
        return not any(request.headers.get(naam) for naam in _DOORSTUUR_HEADERS)

    # -- kernels of the participant page -------------------------------------------------------------------
    def volg_kernels(self, kernel_manager) -> None:
        """Remember which kernels serve the participant page: a guest may use those (and only those). Pre-heated
        kernels are known to Voilà's pool by notebook; a kernel started for one request is seen here."""
        origineel = kernel_manager.start_kernel

        async def start_kernel(*args, **kwargs):
            kernel_id = await ensure_async(origineel(*args, **kwargs))
            omgeving = kwargs.get("env") or {}
            if self._is_deelnemerspad(omgeving.get("SCRIPT_NAME", "")):
                self._gastkernels.add(kernel_id)
                self._gastkernels &= set(kernel_manager.list_kernel_ids())  # forget kernels that are gone
            return kernel_id

        kernel_manager.start_kernel = start_kernel

    def _is_deelnemerspad(self, pad: str) -> bool:
        return self._indeling(pad) == ("pagina", DEELNEMER)

    def is_gastkernel(self, kernel_id: str) -> bool:
        if kernel_id in self._gastkernels:
            return True
        try:
            return self._notebook_van_kernel(kernel_id) == DEELNEMER
        except Exception:  # Voilà's pool changed shape: refuse rather than open
            return False

    # -- who is visiting -----------------------------------------------------------------------------------
    def sessie_gebruiker(self, request: HTTPServerRequest) -> tuple[Gebruiker | None, bool]:
        """(account of the session cookie or None, whether a cookie was there but not valid)."""
        morsel = request.cookies.get(COOKIE)
        if morsel is None or not morsel.value:
            return None, False
        try:
            return self.store.gebruiker_voor_sessie(morsel.value), False
        except AanmeldFout:
            return None, True

    def _proxy_naam(self, request: HTTPServerRequest) -> str | None:
        waarde = request.headers.get(self.instellingen.proxy_header, "")
        if not waarde:
            return None
        naam = normaliseer_naam(waarde)  # InvoerFout for a name the store cannot hold
        if naam not in self._proxy_bekend:
            self.store.zorg_voor_gebruiker(naam, "proxy")
            self._proxy_bekend.add(naam)
        return naam

    def find_handler(self, request: HTTPServerRequest, **kwargs):
        # Whatever the mode: a browser never chooses its own identity.
        if identiteit.HEADER in request.headers:
            del request.headers[identiteit.HEADER]
        modus = self.instellingen.modus
        if modus not in ("aanmelden", "proxy"):
            return None
        soort, doel = self._indeling(request.path)
        verzoek = Verzoek(soort, doel)
        request.wijkkompas = verzoek  # type: ignore[attr-defined]  # read by the sign-in handlers
        if soort == "openbaar":
            return None
        if soort == "query":
            return None if self._van_deze_machine(request) else self._weiger(request, 403, "geen-toegang")
        try:
            if modus == "aanmelden":
                gebruiker, verzoek.cookie_ongeldig = self.sessie_gebruiker(request)
                verzoek.naam = gebruiker.naam if gebruiker else None
            else:
                verzoek.naam = self._proxy_naam(request)
        except InvoerFout:
            return self._weiger(request, 403, "proxy-naam")
        except WerkboekFout:
            return self._weiger(request, 503, "opslag")
        if verzoek.naam:
            request.headers[identiteit.HEADER] = identiteit.teken(verzoek.naam, self.instellingen.geheim)
            return None
        if soort == "aanmelden" and modus == "aanmelden":
            return None
        if soort == "pagina" and doel == DEELNEMER:
            return None  # a workshop guest: no identity header, so the kernel treats them as a guest
        if soort == "kernel" and self.is_gastkernel(doel):
            return None
        if modus == "aanmelden" and soort == "pagina" and request.method in ("GET", "HEAD"):
            extra = {"reden": "verlopen"} if verzoek.cookie_ongeldig else {}
            return self._weiger(request, 302, "aanmelden", naar=self.aanmeld_url(request.uri, **extra),
                                wis_cookie=verzoek.cookie_ongeldig)
        return self._weiger(request, 403, "proxy" if modus == "proxy" else "niet-aangemeld",
                            wis_cookie=verzoek.cookie_ongeldig)

    def _weiger(self, request, status: int, reden: str, *, naar: str = "", wis_cookie: bool = False):
        return self._app.get_handler_delegate(request, Weigering, {
            "poort": self, "status": status, "reden": reden, "naar": naar, "wis_cookie": wis_cookie})

    def cookie_opties(self, request: HTTPServerRequest) -> dict:
        https = request.protocol == "https" or request.headers.get("X-Forwarded-Proto", "").lower() == "https"
        return {"path": self.instellingen.server_url, "httponly": True, "secure": https, "samesite": "Lax"}


# == pages ===================================================================================================
_STIJL = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f6f8;color:#1d2730;margin:0}
main{max-width:26rem;margin:4rem auto;background:#fff;padding:2rem 2.2rem;border-radius:10px;
box-shadow:0 2px 10px rgba(0,0,0,.08)}
h1{font-size:1.4rem;margin:0 0 1.2rem}label{display:block;font-weight:600;margin:1rem 0 .3rem}
input{width:100%;box-sizing:border-box;padding:.55rem .6rem;font-size:1rem;border:1px solid #8a96a3;border-radius:6px}
button{margin-top:1.4rem;padding:.6rem 1.4rem;font-size:1rem;background:#005a8c;color:#fff;border:0;border-radius:6px;
cursor:pointer}button:focus,input:focus{outline:3px solid #f0b400;outline-offset:1px}
.fout{background:#fdecea;border-left:4px solid #b3261e;padding:.7rem .9rem}
.goed{background:#e7f4ea;border-left:4px solid #2e7d32;padding:.7rem .9rem}.uitleg{color:#4a5864;font-size:.92rem}
"""


def pagina(titel: str, inhoud: str) -> str:
    """A small standalone Dutch page (``inhoud`` is HTML the caller escaped)."""
    return (f'<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(titel)} – Wijkkompas werkboek</title><style>{_STIJL}</style></head>"
            f"<body><main>{inhoud}</main></body></html>")


_WEIGERINGEN = {
    "niet-aangemeld": ("Niet aangemeld", "Je bent niet aangemeld, of je sessie is verlopen. Laad de pagina opnieuw "
                                         "en meld je aan."),
    "geen-toegang": ("Geen toegang", "Dit adres is alleen voor het werkboek zelf bedoeld."),
    "proxy": ("Geen toegang", "Dit werkboek is alleen te openen via de aanmeldpagina van je organisatie. Open het "
                              "adres dat je van je organisatie kreeg en meld je daar aan. Lukt dat niet, vraag dan de "
                              "beheerder van de server om hulp."),
    "proxy-naam": ("Geen toegang", "De aanmeldpagina van je organisatie gaf een gebruikersnaam door die het werkboek "
                                   "niet kan gebruiken. Vraag de beheerder van de server om hulp."),
    "opslag": ("Even niet bereikbaar", "De dossieropslag is nu niet bereikbaar, dus er kan niemand worden "
                                       "aangemeld. Probeer het over een paar minuten opnieuw."),
}


class Weigering(RequestHandler):
    """The gate's answer to a request that may not go on: a redirect to the sign-in page or a Dutch page."""

    def initialize(self, poort: Poort, status: int, reden: str, naar: str = "", wis_cookie: bool = False):
        self.poort, self.status, self.reden, self.naar, self.wis_cookie = poort, status, reden, naar, wis_cookie

    def prepare(self):
        if self.wis_cookie:
            self.clear_cookie(COOKIE, path=self.poort.instellingen.server_url)
        self.set_header("Cache-Control", "no-store")
        if self.status == 302:
            self.redirect(self.naar)
            return
        titel, tekst = _WEIGERINGEN.get(self.reden, _WEIGERINGEN["niet-aangemeld"])
        self.set_status(self.status)
        inhoud = f'<h1>{html.escape(titel)}</h1><p role="alert">{html.escape(tekst)}</p>'
        if self.reden == "niet-aangemeld":
            inhoud += f'<p><a href="{html.escape(self.poort.aanmeld_url())}">Naar de aanmeldpagina</a></p>'
        self.finish(pagina(titel, inhoud))


class _Pagina(RequestHandler):
    def initialize(self, poort: Poort):
        self.poort = poort

    def set_default_headers(self):
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Frame-Options", "DENY")  # the sign-in form is never shown inside another site
        self.set_header("Referrer-Policy", "same-origin")

    def write_error(self, status_code: int, **kwargs):
        if status_code == 403:  # tornado's xsrf check
            tekst = ("Het formulier is verlopen of kwam niet van deze pagina. Laad de pagina opnieuw en probeer het "
                     "nog eens.")
        else:
            tekst = "Er ging iets mis op de server. Probeer het opnieuw; lukt het niet, vraag de beheerder om hulp."
        self.finish(pagina("Er ging iets mis", f'<h1>Er ging iets mis</h1><p role="alert">{html.escape(tekst)}</p>'
                                               f'<p><a href="{html.escape(self.poort.aanmeld_url())}">'
                                               "Naar de aanmeldpagina</a></p>"))


class AanmeldHandler(_Pagina):
    """``/aanmelden``: the sign-in form (GET) and its check (POST)."""

    def get(self):
        volgende = self.poort.veilig_volgende(self.get_query_argument("volgende", None))
        if getattr(self.request, "wijkkompas", Verzoek("aanmelden")).naam:
            self.redirect(volgende)  # already signed in
            return
        melding = ""
        if self.get_query_argument("afgemeld", None):
            melding = '<p class="goed" role="status">Je bent afgemeld.</p>'
        elif self.get_query_argument("reden", None) == "verlopen":
            melding = f'<p class="fout" role="alert">{html.escape(_NIET_AANGEMELD)}</p>'
        self._formulier(volgende, melding=melding)

    def _formulier(self, volgende: str, *, naam: str = "", melding: str = "", status: int = 200):
        self.set_status(status)
        actie = html.escape(self.poort.url(AANMELDEN))
        self.finish(pagina("Aanmelden", f"""
<h1>Aanmelden bij het Wijkkompas werkboek</h1>
{melding}
<form method="post" action="{actie}">
{self.xsrf_form_html()}
<input type="hidden" name="volgende" value="{html.escape(volgende)}">
<label for="gebruikersnaam">Gebruikersnaam</label>
<input id="gebruikersnaam" name="gebruikersnaam" autocomplete="username" autocapitalize="none" spellcheck="false"
 required maxlength="120" value="{html.escape(naam)}"{'' if naam else ' autofocus'}>
<label for="wachtwoord">Wachtwoord</label>
<input id="wachtwoord" name="wachtwoord" type="password" autocomplete="current-password" required
 maxlength="1024"{' autofocus' if naam else ''}>
<button type="submit">Aanmelden</button>
</form>
<p class="uitleg">Nog geen account of je wachtwoord vergeten? Vraag de beheerder van deze server om hulp.</p>
<p class="uitleg">Doe je mee aan een workshop? Dan heb je geen account nodig: open de link of de QR-code die je van de
begeleider kreeg.</p>"""))

    async def post(self):
        self.check_xsrf_cookie()
        volgende = self.poort.veilig_volgende(self.get_body_argument("volgende", None))
        naam = self.get_body_argument("gebruikersnaam", "")[:200]
        wachtwoord = self.get_body_argument("wachtwoord", "")
        sleutel = naam.strip().lower()[:120]
        adres = self.poort.client_adres(self.request)
        afremmer = self.poort.afremmer
        wacht = afremmer.begin(sleutel, adres)
        if wacht:
            return self._formulier(volgende, naam=naam, melding=_blokkade(wacht), status=429)
        store = self.poort.store
        try:
            # argon2 takes a good part of a second on purpose: not on the server's event loop
            gebruiker = await asyncio.get_running_loop().run_in_executor(
                None, store.controleer_wachtwoord, naam, wachtwoord)
        except AanmeldFout as fout:
            wacht = afremmer.mislukt(sleutel, adres)
            melding = _blokkade(wacht) if wacht else f'<p class="fout" role="alert">{html.escape(str(fout))}</p>'
            return self._formulier(volgende, naam=naam, melding=melding, status=429 if wacht else 401)
        except WerkboekFout as fout:
            afremmer.gelukt(sleutel, adres)  # the store's trouble, not the visitor's
            return self._formulier(volgende, naam=naam, status=503,
                                   melding=f'<p class="fout" role="alert">{html.escape(str(fout))}</p>')
        afremmer.gelukt(sleutel, adres)
        token = store.maak_aanmeldsessie(gebruiker)
        self.set_cookie(COOKIE, token, max_age=self.poort.instellingen.sessieduur_s,
                        **self.poort.cookie_opties(self.request))
        self.redirect(volgende, status=303)


_NIET_AANGEMELD = "Je sessie is verlopen of niet meer geldig. Meld je opnieuw aan."


def _blokkade(wacht_s: float) -> str:
    n = minuten(wacht_s)
    tekst = (f"Er is te vaak een verkeerd wachtwoord ingevuld. Om raden te voorkomen kan dit even niet: probeer het "
             f"over {n} {'minuut' if n == 1 else 'minuten'} opnieuw.")
    return f'<p class="fout" role="alert">{html.escape(tekst)}</p>'


class AfmeldHandler(_Pagina):
    """``/afmelden``: a page with one button (GET), and signing out (POST, with the xsrf check)."""

    def get(self):
        if self.request.cookies.get(COOKIE) is None:
            self.redirect(self.poort.aanmeld_url())
            return
        actie = html.escape(self.poort.url(AFMELDEN))
        self.finish(pagina("Afmelden", f"""
<h1>Afmelden</h1>
<p>Wil je je afmelden bij het Wijkkompas werkboek? Je werk is al opgeslagen.</p>
<form method="post" action="{actie}">{self.xsrf_form_html()}<button type="submit">Afmelden</button></form>
<p class="uitleg"><a href="{html.escape(self.poort.welkom())}">Terug naar het werkboek</a></p>"""))

    def post(self):
        self.check_xsrf_cookie()
        morsel = self.request.cookies.get(COOKIE)
        if morsel is not None and morsel.value:
            with contextlib.suppress(WerkboekFout):  # the cookie goes anyway; the session expires by itself
                self.poort.store.beeindig_aanmeldsessie(morsel.value)
        self.clear_cookie(COOKIE, path=self.poort.instellingen.server_url)
        self.redirect(self.poort.aanmeld_url(afgemeld="1"), status=303)


def systeemstore(url: str | None = None) -> DossierStore:
    """The store as the server process uses it: acting as SYSTEEM (it checks sessions, makes proxy accounts)."""
    return DossierStore(url or standaard_url()).als(SYSTEEM)


def installeer(voila_app, instellingen: Instellingen, store) -> list:
    """Put the gate in front of the Voilà application ``voila_app.app`` and return the sign-in handlers to add.
    Called from ``init_handlers`` (Voilà has made its tornado application and kernel manager by then)."""
    kernel_manager = voila_app.kernel_manager
    notebook_van = getattr(kernel_manager, "_get_notebook_from_kernel", lambda _kernel_id: None)
    poort = Poort(voila_app.app, instellingen, store, notebook_van)
    poort.volg_kernels(kernel_manager)
    voila_app.app.default_router.rules.insert(0, Rule(AnyMatches(), poort))
    voila_app.wijkkompas_poort = poort
    if instellingen.modus != "aanmelden":
        return []
    return [(poort.url(AANMELDEN), AanmeldHandler, {"poort": poort}),
            (poort.url(AFMELDEN), AfmeldHandler, {"poort": poort})]


