"""The state one page shares between its widgets: the store and the open dossier.

Each Voilà page is its own kernel, possibly pre-heated before the user arrived, so the dossier
comes from the page URL (read after ``wait_for_request``), never from a module global.
"""

from __future__ import annotations

import functools
import logging
import os
from urllib.parse import parse_qs

import traitlets

from ..content import Inhoud, inhoud
from ..dossier import GAST, SYSTEEM, Dossier, Gebruiker, WerkboekFout
from ..dossier.store import DossierStore, open_store
from ..toegang.identiteit import bezoeker

log = logging.getLogger("wijkkompas")


def lees_queryparameters() -> dict[str, str]:
    """The page's query parameters; waits for the real request when the kernel was pre-heated."""
    try:
        from voila.utils import wait_for_request
    except ImportError:  # plain Jupyter without Voilà
        wait_for_request = None
    if wait_for_request is not None:
        wait_for_request()
    query = os.environ.get("QUERY_STRING", "")
    return {sleutel: waarden[-1] for sleutel, waarden in parse_qs(query).items()}


class WerkboekContext(traitlets.HasTraits):
    """Shared by all widgets of one page. ``revisie`` goes up after every saved change, so
    widgets that show the same data (parties in two exercises) refresh themselves."""

    dossier_id = traitlets.Unicode(None, allow_none=True)
    revisie = traitlets.Int(0)

    def __init__(self, store: DossierStore | None, inhoud_: Inhoud, *, dossier_id=None, melding: str = "",
                 aanmeldmodus: str = "lokaal", basis_url: str = "/"):
        super().__init__()
        self.store = store
        self.aanmeldmodus = aanmeldmodus  # lokaal | aanmelden | proxy | hub (see toegang.identiteit)
        self.basis_url = basis_url  # the server's URL prefix as the browser sees it (for the sign-out link)
        self.inhoud = inhoud_
        self.opstartmelding = melding
        self.dossier_id = dossier_id

    def dossier(self) -> Dossier | None:
        if self.store is None or not self.dossier_id:
            return None
        try:
            return self.store.dossier(self.dossier_id)
        except WerkboekFout:
            return None

    def gewijzigd(self) -> None:
        """Tell the other widgets that the dossier changed. The change itself is already saved, so
        a widget that fails to refresh must not make the saving widget report a failure."""
        try:
            self.revisie += 1
        except Exception:  # logged; the user's save did succeed
            log.exception("een widget kon niet verversen na een wijziging")

    @property
    def gebruiker(self) -> Gebruiker | None:
        """Who this page acts for (the header greets them; the history names them)."""
        return self.store.gebruiker if self.store is not None else None

    def url_parameter(self) -> str:
        return f"?dossier={self.dossier_id}" if self.dossier_id else ""


def pagina_gebruiker(store: DossierStore, omgeving: dict[str, str] | None = None) -> Gebruiker:
    """Who visits this page, from what the server put in the kernel's environment (see ``toegang.identiteit``):
    the person at this computer (*lokaal*), an account (signed in, from the proxy or from JupyterHub), or a guest
    when nobody could be named — a missing or forged identity never gets more than a guest."""
    modus, login = bezoeker(os.environ if omgeving is None else omgeving)
    if modus == "lokaal":
        return store.gebruiker
    if not login:
        return GAST
    beheer = store.als(SYSTEEM)
    if modus == "aanmelden":
        return beheer.gebruiker_op_naam(login)  # an account removed meanwhile: a Dutch refusal on the page
    return beheer.zorg_voor_gebruiker(login, "hub" if modus == "hub" else "proxy")


def maak_context(store_url: str | None = None, query: dict[str, str] | None = None,
                 omgeving: dict[str, str] | None = None) -> WerkboekContext:
    """Open the store for this page's visitor and the dossier named in the URL. Never raises: a problem becomes
    the context's ``opstartmelding``, which the dossier header shows in Dutch."""
    query = lees_queryparameters() if query is None else query
    content = inhoud()
    omgeving = dict(os.environ) if omgeving is None else omgeving
    modus = bezoeker(omgeving)[0]
    try:
        basis = open_store(store_url)
        store = basis.als(pagina_gebruiker(basis, omgeving))
    except WerkboekFout as fout:
        return WerkboekContext(None, content, melding=str(fout))
    maak = functools.partial(WerkboekContext, aanmeldmodus=modus, basis_url=omgeving.get("VOILA_BASE_URL") or "/")
    gevraagd = query.get("dossier")
    if gevraagd:
        try:
            return maak(store, content, dossier_id=store.dossier(gevraagd).id)
        except WerkboekFout as fout:
            return maak(store, content, melding=str(fout))
    try:
        dossiers = store.dossiers()
    except WerkboekFout as fout:
        return maak(store, content, melding=str(fout))
    return maak(store, content, dossier_id=dossiers[0].id if dossiers else None)
