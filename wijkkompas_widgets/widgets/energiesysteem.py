"""Exercise 'Keuze voor energiesysteem vastleggen' (knooppunt f4-energiesysteem-vastleggen): the chosen strategy
with its rationale, who was at the table and any dissent, recorded in the besluitenlog in the same transaction.

The ranking is advice, not the decision: a team may choose another strategy, but then says why. Dissent is
recorded so the gemeenteraad sees that not everyone agreed, and with what argument.
"""

from __future__ import annotations

import ipywidgets as w

from ..dossier import InvoerFout
from ..leesmodel.afweging import lees_stand
from ..leesmodel.besluitenlog import besluitnummers, datum
from .basis import BREED, e, veilig
from .context import WerkboekContext
from .oefening import Oefening

_VELD = w.Layout(width="720px")


class KeuzeOefening(Oefening):
    """Shows the ranking in one sentence (or why there is none), then a form to record the choice, and the
    choice as recorded. A new choice replaces the current one and is a new entry in the log."""

    KLASSE = "wk-oefening-keuze"

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        self._winnaars: tuple[str, ...] = ()
        self._namen: dict[int, str] = {}
        self._rangschikking = w.HTML()
        self._rangschikking.add_class("wk-keuze-rangschikking")
        self._strategie = w.Dropdown(description="Gekozen strategie", style=BREED, layout=_VELD)
        self._strategie.add_class("wk-keuze-strategie")
        self._afwijking = w.HTML()
        self._afwijking.add_class("wk-keuze-afwijking")
        self._onderbouwing = w.Textarea(description="Onderbouwing (verplicht)", style=BREED,
                                        placeholder="Waarom kiezen jullie deze strategie? Noem de doorslaggevende "
                                                    "argumenten.", layout=w.Layout(width="720px", height="90px"))
        self._onderbouwing.add_class("wk-keuze-onderbouwing")
        self._aanwezig = w.Text(description="Wie waren erbij?", placeholder="bijv. gemeente, corporatie, bewonersraad",
                                style=BREED, layout=_VELD)
        self._aanwezig.add_class("wk-keuze-aanwezig")
        self._afwijkend = w.Textarea(description="Afwijkende standpunten", style=BREED,
                                     placeholder="Wie was het er niet mee eens, en waarom? Leeg als iedereen instemde.",
                                     layout=w.Layout(width="720px", height="70px"))
        self._afwijkend.add_class("wk-keuze-afwijkend")
        self._opslaan = w.Button(description="Keuze vastleggen", icon="gavel", button_style="primary")
        self._opslaan.add_class("wk-keuze-opslaan")
        self._vastgelegd = w.HTML()
        self._vastgelegd.add_class("wk-keuze-vastgelegd")
        self._vastleggen = w.VBox([self._strategie, self._afwijking, self._onderbouwing, self._aanwezig,
                                   self._afwijkend, self._opslaan])
        self.inhoud.children = [
            w.HTML("<p>Leg vast welke integrale strategie jullie kiezen, waarom, en wie het er niet mee eens was. "
                   "De keuze komt automatisch in het besluitenlog.</p>"),
            self._rangschikking, self._vastgelegd, w.HTML("<h4>Keuze vastleggen</h4>"), self._vastleggen,
            self._melding,
        ]
        self._strategie.observe(self._toon_afwijking, names="value")
        self._opslaan.on_click(self._bewaar)
        self.start()

    def laad(self, dossier_gewisseld: bool) -> None:
        if dossier_gewisseld:
            self._melding.wis()
        store, dossier_id = self.context.store, self.context.dossier_id
        stand = lees_stand(store, dossier_id)
        r = stand.rangschikking
        if r is not None:
            self._winnaars = r.winnaars
            self._rangschikking.value = (
                f"<p><b>Uit de afweging:</b> {e(r.samenvatting())}</p><div class='wk-bron'>Volgorde: "
                + " · ".join(f"{r.rang[s]}. {e(s)}" for s in r.volgorde) + "</div>")
        else:
            self._winnaars = ()
            self._rangschikking.value = (f"<p><b>Nog geen rangschikking.</b> {e(stand.reden)}</p>"
                                         if stand.reden else "")
        gekozen = self._strategie.value
        self._namen = {s.id: s.naam for s in stand.strategieen}
        self.toon(self._strategie, gekozen if gekozen in self._namen else None, opties=[
            ("— kies een strategie —", None)] + [
            (s.naam + (f" (plaats {r.rang[s.naam]})" if r is not None else ""), s.id) for s in stand.strategieen
        ])
        self._toon_afwijking()
        self._toon_keuze()

    def _toon_keuze(self) -> None:
        store, dossier_id = self.context.store, self.context.dossier_id
        keuze = store.keuze(dossier_id)
        if keuze is None:
            self._vastgelegd.value = "<p><i>Er is nog geen strategie gekozen.</i></p>"
            self._opslaan.description = "Keuze vastleggen"
            return
        nr = besluitnummers(store.besluiten(dossier_id)).get(keuze.besluit_id, "?")
        regels = [f"<p class='wk-keuze-gekozen'>✔ <b>Gekozen: {e(keuze.naam)}</b> op {datum(keuze.gekozen)} "
                  f"(besluit nr. {nr} in het besluitenlog)</p>",
                  f"<p><b>Onderbouwing:</b> {e(keuze.onderbouwing)}</p>",
                  f"<p><b>Aan tafel:</b> {e(keuze.aanwezig) if keuze.aanwezig else 'niet vastgelegd'}</p>"]
        regels.append(f"<p><b>Afwijkende standpunten:</b> {e(keuze.afwijkend)}</p>" if keuze.afwijkend
                      else "<p><b>Afwijkende standpunten:</b> geen vastgelegd.</p>")
        regels.append("<div class='wk-bron'>Een nieuwe keuze vervangt deze en komt als nieuw besluit in het "
                      "besluitenlog; deze keuze blijft daar zichtbaar.</div>")
        self._vastgelegd.value = "<div class='wk-kaart'>" + "".join(regels) + "</div>"
        self._opslaan.description = "Nieuwe keuze vastleggen"

    def _toon_afwijking(self, _change=None) -> None:
        naam = self._namen.get(self._strategie.value)
        if naam is None or not self._winnaars or naam in self._winnaars:
            self._afwijking.value = ""
        else:
            self._afwijking.value = (
                "<div class='wk-melding wk-melding-info' role='note'>ℹ Je kiest niet de strategie die bovenaan de "
                "afweging staat. Dat mag; leg in de onderbouwing uit waarom.</div>")

    @veilig()
    def _bewaar(self, _knop=None) -> None:
        if self._strategie.value is None:
            raise InvoerFout("Kies eerst de strategie die jullie kiezen.")
        keuze = self.context.store.kies_strategie(self.context.dossier_id, self._strategie.value,
                                                  self._onderbouwing.value, self._aanwezig.value,
                                                  self._afwijkend.value)
        nr = besluitnummers(self.context.store.besluiten(self.context.dossier_id)).get(keuze.besluit_id, "?")
        self._onderbouwing.value = self._aanwezig.value = self._afwijkend.value = ""
        self.bewaard(f"De keuze voor {keuze.naam} is vastgelegd en staat in het besluitenlog als nr. {nr}.")
