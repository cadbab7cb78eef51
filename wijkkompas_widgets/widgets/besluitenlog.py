"""The besluitenlog: every decision of the team in one append-only list, with a form to add a decision or a
correction, and a CSV download.

The log can only grow (the store has no way to change an entry): a mistake is put right with a correction, a
new entry that points at the old one, and the old one stays visible with a note. That is what makes the log
usable as an account to the gemeenteraad.
"""

from __future__ import annotations

import base64
import csv
import io

import ipywidgets as w

from ..dossier.records import Besluit
from ..leesmodel.besluitenlog import KOPPEN, besluitnummers, log_rijen
from .basis import BREED, e, veilig
from .context import WerkboekContext
from .oefening import Oefening

_BREED_VELD = w.Layout(width="720px")


def log_html(besluiten: list[Besluit], knooppunt_titel) -> str:
    if not besluiten:
        return "<p class='wk-besluitenlog-leeg'><i>Nog geen besluiten vastgelegd.</i></p>"
    kop = "".join(f"<th scope='col'>{e(k)}</th>" for k in KOPPEN)
    regels = []
    for besluit, rij in zip(besluiten, log_rijen(besluiten, knooppunt_titel), strict=True):
        klasse = f"wk-besluitenlog-rij wk-besluitenlog-{besluit.soort}"
        if besluit.is_gecorrigeerd:
            klasse += " wk-besluitenlog-gecorrigeerd"
        cellen = "".join(f"<td>{e(c)}</td>" for c in rij)
        regels.append(f"<tr class='{klasse}'>{cellen}</tr>")
    return (f"<table class='wk-tabel wk-besluitenlog-tabel'><thead><tr>{kop}</tr></thead>"
            f"<tbody>{''.join(regels)}</tbody></table>")


def log_csv(besluiten: list[Besluit], knooppunt_titel) -> str:
    """The log as CSV (semicolon-separated, as Dutch spreadsheet programs expect)."""
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";")
    schrijver.writerow(KOPPEN)
    for rij in log_rijen(besluiten, knooppunt_titel):
        # a cell starting with = + - @ would be run as a formula by a spreadsheet: make it plain text
        schrijver.writerow(["'" + c if c[:1] in ("=", "+", "-", "@") else c for c in rij])
    return buffer.getvalue()


class BesluitenlogOefening(Oefening):
    """The whole log as a table plus a form to add a decision or a correction. Refreshes when any
    widget on the page saves (automatic entries appear at once)."""

    KLASSE = "wk-oefening-besluitenlog"

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        self._uitleg = w.HTML(
            "<p>Hier staat elk besluit van het team: wat, wanneer, wie er aan tafel zaten, waarom en bij welk "
            "knooppunt. Het werkboek zet er zelf ook besluiten in (⚙ automatisch), bijvoorbeeld als de weging "
            "wordt vastgezet of een strategie gekozen. <b>Het log kan niet worden gewijzigd, alleen aangevuld:</b> "
            "klopt een besluit niet, leg dan een correctie vast; het oude besluit blijft zichtbaar.</p>"
        )
        self._tabel = w.HTML()
        self._tabel.add_class("wk-besluitenlog-lijst")
        self._download = w.HTML()
        self._download.add_class("wk-besluitenlog-download")
        self._wat = w.Text(description="Wat is er besloten?", placeholder="bijv. Het warmtenet verder onderzoeken",
                           style=BREED, layout=_BREED_VELD)
        self._wat.add_class("wk-besluitenlog-wat")
        self._aanwezig = w.Text(description="Wie waren erbij?", placeholder="bijv. gemeente, corporatie, bewonersraad",
                                style=BREED, layout=_BREED_VELD)
        self._aanwezig.add_class("wk-besluitenlog-aanwezig")
        self._onderbouwing = w.Textarea(description="Onderbouwing", placeholder="Waarom is dit besloten?",
                                        style=BREED, layout=w.Layout(width="720px", height="70px"))
        self._onderbouwing.add_class("wk-besluitenlog-onderbouwing")
        self._knooppunt = w.Dropdown(description="Bij knooppunt (optioneel)", style=BREED, layout=_BREED_VELD,
                                     options=[("— geen —", None)] + [
                                         (f"Fase {k.fase} · {k.titel}", k.id) for k in context.inhoud.knooppunten
                                     ], value=None)
        self._knooppunt.add_class("wk-besluitenlog-knooppunt")
        self._afwijkend = w.Textarea(description="Afwijkende standpunten",
                                     placeholder="Was iemand het er niet mee eens? Wie, en waarom?",
                                     style=BREED, layout=w.Layout(width="720px", height="60px"))
        self._afwijkend.add_class("wk-besluitenlog-afwijkend")
        self._corrigeert = w.Dropdown(description="Correctie van", style=BREED, layout=_BREED_VELD,
                                      options=[("— geen: een nieuw besluit —", None)], value=None)
        self._corrigeert.add_class("wk-besluitenlog-corrigeert")
        self._opslaan = w.Button(description="Besluit vastleggen", icon="check", button_style="primary")
        self._opslaan.add_class("wk-besluitenlog-opslaan")
        self._opslaan.on_click(self._bewaar)
        self._corrigeert.observe(self._toon_knoptekst, names="value")
        self.inhoud.children = [
            self._uitleg, self._tabel, self._download,
            w.HTML("<h4>Een besluit of correctie toevoegen</h4>"),
            self._wat, self._aanwezig, self._onderbouwing, self._knooppunt, self._afwijkend, self._corrigeert,
            w.HTML("<div class='wk-bron'>Kies bij 'Correctie van' een eerder besluit als je dat wilt rechtzetten; "
                   "het oude besluit blijft in het log staan, met een verwijzing naar de correctie.</div>"),
            self._opslaan, self._melding,
        ]
        self.start()

    def _knooppunt_titel(self, knooppunt_id: str) -> str:
        try:
            return self.context.inhoud.knooppunt(knooppunt_id).titel
        except Exception:  # a knooppunt removed from the content since: show its id
            return knooppunt_id

    def laad(self, dossier_gewisseld: bool) -> None:
        if dossier_gewisseld:
            self._melding.wis()
        besluiten = self.context.store.besluiten(self.context.dossier_id)
        self._tabel.value = log_html(besluiten, self._knooppunt_titel)
        gekozen = self._corrigeert.value
        opties = [("— geen: een nieuw besluit —", None)] + [
            (f"nr. {b.volgnummer} · {b.wat[:70]}", b.id) for b in besluiten
        ]
        self.toon(self._corrigeert, gekozen if gekozen in {b.id for b in besluiten} else None, opties=opties)
        self._download.value = self._download_html(besluiten) if besluiten else ""

    def _download_html(self, besluiten: list[Besluit]) -> str:
        tekst = log_csv(besluiten, self._knooppunt_titel)
        data = base64.b64encode(("\ufeff" + tekst).encode("utf-8")).decode("ascii")
        return (f"<a download=\"besluitenlog.csv\" href=\"data:text/csv;charset=utf-8;base64,{data}\" "
                "class='wk-download'>⬇ Download het besluitenlog als CSV (voor Excel)</a>")

    def _toon_knoptekst(self, _change=None) -> None:
        self._opslaan.description = "Correctie vastleggen" if self._corrigeert.value else "Besluit vastleggen"

    @veilig()
    def _bewaar(self, _knop=None) -> None:
        store, dossier_id = self.context.store, self.context.dossier_id
        besluit = store.leg_besluit_vast(
            dossier_id, self._wat.value, self._aanwezig.value, self._onderbouwing.value, self._knooppunt.value,
            self._afwijkend.value, corrigeert=self._corrigeert.value,
        )
        if besluit.corrigeert_id is not None:
            oud = besluitnummers(store.besluiten(dossier_id)).get(besluit.corrigeert_id)
            tekst = (f"Correctie nr. {besluit.volgnummer} is vastgelegd. Besluit nr. {oud} blijft in het log staan, "
                     "met een verwijzing naar deze correctie.")
        else:
            tekst = f"Besluit nr. {besluit.volgnummer} is vastgelegd."
        for veld in (self._wat, self._aanwezig, self._onderbouwing, self._afwijkend):
            veld.value = ""
        self._knooppunt.value = None
        self._corrigeert.value = None
        self.bewaard(tekst)
