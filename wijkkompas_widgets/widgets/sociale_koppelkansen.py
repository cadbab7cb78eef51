"""Exercise 'Sociale koppelkansen & gemeentelijke domeinen' (knooppunt f2-sociale-koppelkansen): per municipal
domain what already runs in the wijk and what is needed, linked to the opgaven; and the list of sociale
koppelkansen that phase 3 weighs. Every save is one field of the dossier form, so colleagues working on other
domains or adding koppelkansen at the same time never overwrite each other."""

from __future__ import annotations

import ipywidgets as w

from ..analysis.domeinen import (
    DomeinInvoer,
    controleer_domein,
    domein_opgave_matrix,
    lees_formulier,
    nieuwe_koppelkans,
    opgaven_zonder_sociale_partner,
)
from ..dossier import InvoerFout, formulieren
from ..leesmodel.wijkprofiel import profiel_van_dossier
from .basis import BREED, e, veilig
from .context import WerkboekContext
from .formulier import FormulierOefening
from .wijkprofiel import profielcijfers_html

_BREED_VELD = w.Layout(width="720px")


class SocialeKoppelkansenOefening(FormulierOefening):
    """Per domain what runs and what is needed (saved with a button), and the list of koppelkansen. The domain's
    figures follow the wijkprofiel, which another exercise on the page may change (hence also ``revisie``)."""

    SLEUTEL = formulieren.SOCIALE_KOPPELKANSEN
    KLASSE = "wk-oefening-domeinen"
    VERVERS_BIJ = ("dossier_id", "revisie")

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        self._fase2 = context.inhoud.fase2
        self._domein_ids = [d.id for d in self._fase2.domeinen]
        self._opgaven = list(context.inhoud.opgaven)
        self._opgave_ids = [o.id for o in self._opgaven]
        opgave_opties = [(o.naam, o.id) for o in self._opgaven]
        self._te_verwijderen: str | None = None

        # domains
        self._domein = w.Dropdown(description="Domein", style=BREED, layout=_BREED_VELD)
        self._domein.add_class("wk-domein-keuze")
        self._domein_uitleg = w.HTML()
        self._domein_uitleg.add_class("wk-domein-uitleg-vak")
        self._programma = w.Textarea(description="Wat loopt er al in de wijk?", style=BREED,
                                     placeholder="Programma's, projecten of teams van dit domein in de wijk",
                                     layout=w.Layout(width="720px", height="64px"))
        self._behoefte = w.Textarea(description="Welke behoefte zie je?", style=BREED,
                                    placeholder="Wat bewoners of professionals missen of signaleren",
                                    layout=w.Layout(width="720px", height="64px"))
        self._domein_opgaven = w.SelectMultiple(options=opgave_opties, description="Raakt aan opgaven (Ctrl-klik)",
                                                rows=6, style=BREED, layout=w.Layout(width="520px"))
        self._domein_opslaan = w.Button(description="Domein opslaan", button_style="primary", icon="check")
        self._domein_opslaan.add_class("wk-domein-opslaan")
        self._overzicht = w.HTML()
        self._overzicht.add_class("wk-domeinen-overzicht")

        # koppelkansen
        self._titel = w.Text(description="Naam van de koppelkans", style=BREED, layout=_BREED_VELD,
                             placeholder="bijv. Energiecoach gaat mee met het wijkteam")
        self._kans_domein = w.Dropdown(options=[(d.naam, d.id) for d in self._fase2.domeinen], value=None,
                                       description="Domein", style=BREED, layout=_BREED_VELD)
        self._kans_opgaven = w.SelectMultiple(options=opgave_opties, description="Draagt bij aan (Ctrl-klik)", rows=6,
                                              style=BREED, layout=w.Layout(width="520px"))
        self._beschrijving = w.Textarea(description="Wat houdt het in?", style=BREED,
                                        layout=w.Layout(width="720px", height="64px"))
        self._toevoegen = w.Button(description="Koppelkans toevoegen", button_style="primary", icon="plus",
                                   layout=w.Layout(width="auto"))
        self._toevoegen.add_class("wk-koppelkans-toevoegen")
        self._lijst = w.HTML()
        self._lijst.add_class("wk-koppelkansen-lijst")
        self._kies_kans = w.Dropdown(description="Koppelkans", style=BREED, layout=w.Layout(width="520px"))
        self._kies_kans.add_class("wk-koppelkans-kies")
        self._verwijder = w.Button(description="Verwijderen…", icon="trash")
        self._verwijder.add_class("wk-koppelkans-verwijder")
        self._bevestig = w.Button(description="Ja, verwijderen", button_style="danger",
                                  layout=w.Layout(display="none"))
        self._bevestig.add_class("wk-koppelkans-verwijder-ja")
        self._annuleer = w.Button(description="Annuleren", layout=w.Layout(display="none"))

        self.inhoud.children = [
            w.HTML("<h4>Gemeentelijke domeinen in de wijk</h4><p>Kies een domein en vul in wat daar al loopt en "
                   "wat er nodig is. Vraag het bij de collega's van dat domein na; zij kennen de wijk vaak "
                   "van een andere kant.</p>"),
            self._domein, self._domein_uitleg, self._programma, self._behoefte, self._domein_opgaven,
            self._domein_opslaan, self._overzicht,
            w.HTML("<h4>Sociale koppelkansen</h4><p>Een sociale koppelkans verbindt de wijkaanpak met een doel "
                   "van een ander domein, zodat beide sneller of beter lukken. In fase 3 kiezen jullie welke "
                   "je oppakt.</p>"),
            self._titel, self._kans_domein, self._kans_opgaven, self._beschrijving, self._toevoegen,
            self._lijst, w.HBox([self._kies_kans, self._verwijder, self._bevestig, self._annuleer]),
            self._melding,
        ]
        self._domein.observe(self._toon_domein, names="value")
        self._domein_opslaan.on_click(self._bewaar_domein)
        self._toevoegen.on_click(self._voeg_toe)
        self._verwijder.on_click(self._vraag_verwijderen)
        self._bevestig.on_click(self._verwijder_kans)
        self._annuleer.on_click(self._sluit_bevestiging)
        self._profiel = None
        self.start()

    # -- loading ------------------------------------------------------------------------------
    def laad(self, dossier_gewisseld: bool = True) -> None:
        self._profiel = profiel_van_dossier(self.context.store, self.context.dossier_id)
        if dossier_gewisseld:
            self._melding.wis()
            self._toon(self._formulier.laad())
        else:
            self._toon_domein()

    def _lees(self):
        return lees_formulier(self.gegevens, self._domein_ids)

    def _toon(self, _gegevens: dict | None = None) -> None:
        domeinen, koppelkansen = self._lees()
        gekozen = self._domein.value or self._domein_ids[0]
        opties = [(("✔ " if domeinen[d.id].ingevuld else "○ ") + d.naam, d.id) for d in self._fase2.domeinen]
        if list(self._domein.options) != opties:
            self._domein.options = opties
        self._domein.value = gekozen
        self._toon_domein()
        self._overzicht.value = overzicht_html(domeinen, koppelkansen, self._fase2, self._opgaven)
        self._lijst.value = koppelkansen_html(koppelkansen, self._fase2, self._opgaven)
        self._kies_kans.options = [(k.titel, k.id) for k in koppelkansen]
        self._sluit_bevestiging()

    def _toon_domein(self, _change=None) -> None:
        domein = self._fase2.domein(self._domein.value) if self._domein.value else None
        if domein is None:
            return
        invoer = self._lees()[0][domein.id]
        self._programma.value = invoer.programma
        self._behoefte.value = invoer.behoefte
        self._domein_opgaven.value = invoer.opgaven if invoer.ingevuld else domein.opgaven
        voorbeelden = "".join(f"<li>{e(v)}</li>" for v in domein.voorbeelden)
        self._domein_uitleg.value = (
            f"<div class='wk-domein-uitleg'><p>{e(domein.omschrijving)}</p>"
            f"{profielcijfers_html(self._profiel, domein.indicatoren)}"
            f"<details><summary>Voorbeelden van koppelkansen in dit domein</summary><ul>{voorbeelden}</ul>"
            "</details></div>"
        )

    # -- saving -------------------------------------------------------------------------------
    @veilig()
    def _bewaar_domein(self, _knop=None) -> None:
        invoer = controleer_domein(
            DomeinInvoer(self._domein.value, self._programma.value, self._behoefte.value,
                         tuple(self._domein_opgaven.value)),
            set(self._domein_ids), self._opgave_ids,
        )
        if not invoer.ingevuld:
            raise InvoerFout("Vul in wat er al loopt of welke behoefte je ziet; anders valt er niets op te slaan.")
        self._zet(("domeinen", invoer.domein_id), invoer.als_dict())
        naam = self._fase2.domein(invoer.domein_id).naam
        self._melding.ok(f"{naam} is opgeslagen.")

    @veilig()
    def _voeg_toe(self, _knop=None) -> None:
        _domeinen, bestaande = self._lees()
        kans = nieuwe_koppelkans(
            self._titel.value, self._kans_domein.value, tuple(self._kans_opgaven.value), self._beschrijving.value,
            bestaande, set(self._domein_ids), self._opgave_ids,
        )
        self._zet(("koppelkansen", kans.id), kans.als_dict())
        self._titel.value = self._beschrijving.value = ""
        self._kans_opgaven.value = ()
        self._melding.ok(f"Koppelkans '{kans.titel}' is toegevoegd.")

    @veilig()
    def _vraag_verwijderen(self, _knop=None) -> None:
        if not self._kies_kans.value:
            raise InvoerFout("Kies eerst de koppelkans die je wilt verwijderen.")
        self._te_verwijderen = self._kies_kans.value
        self._bevestig.description = f"Ja, verwijder '{self._kies_kans.label[:40]}'"
        self._bevestig.layout.display = self._annuleer.layout.display = "flex"

    def _sluit_bevestiging(self, _knop=None) -> None:
        self._te_verwijderen = None
        self._bevestig.layout.display = self._annuleer.layout.display = "none"

    @veilig()
    def _verwijder_kans(self, _knop=None) -> None:
        kans_id = self._te_verwijderen
        if kans_id is None:
            return
        naam = dict((v, k) for k, v in self._kies_kans.options).get(kans_id, "")
        self._zet(("koppelkansen", kans_id), None)  # a tombstone merges with colleagues' additions
        self._melding.ok(f"Koppelkans '{naam}' is verwijderd.")


def overzicht_html(domeinen, koppelkansen, fase2, opgaven) -> str:
    """A compact domain × opgave matrix (✔ and a count, so not colour alone), then per filled-in domain
    what runs and what is needed."""
    opgave_ids = [o.id for o in opgaven]
    ingevuld = [d for d in fase2.domeinen if domeinen[d.id].ingevuld]
    if not ingevuld and not koppelkansen:
        return "<p><i>Nog geen domeinen ingevuld.</i></p>"
    matrix = domein_opgave_matrix(domeinen, koppelkansen, opgave_ids)
    kop = "".join(f"<th scope='col'>{e(o.naam)}</th>" for o in opgaven)
    rijen = []
    for domein in fase2.domeinen:
        if not any(matrix[domein.id].values()) and not domeinen[domein.id].ingevuld:
            continue
        cellen = "".join(
            f"<td style='text-align:center'>{'✔ ' + str(matrix[domein.id][o]) if matrix[domein.id][o] else '–'}</td>"
            for o in opgave_ids
        )
        rijen.append(f"<tr><th scope='row'>{e(domein.naam)}</th>{cellen}</tr>")
    zonder = [o.naam for o in opgaven if o.id in opgaven_zonder_sociale_partner(matrix, opgave_ids)]
    noot = (f"<p>Nog geen sociaal domein gekoppeld aan: {e(', '.join(zonder))}.</p>" if zonder else
            "<p>Elke transitieopgave heeft minstens één sociaal domein als partner.</p>")
    details = "".join(
        f"<li><b>{e(d.naam)}</b>"
        + (f"<br>Loopt al: {e(domeinen[d.id].programma)}" if domeinen[d.id].programma else "")
        + (f"<br>Nodig: {e(domeinen[d.id].behoefte)}" if domeinen[d.id].behoefte else "")
        + "</li>"
        for d in ingevuld
    )
    return (
        "<p><b>Overzicht</b>: welke domeinen raken aan welke opgave (✔ n = aantal koppelingen: het domein zelf "
        "plus de koppelkansen)</p>"
        f"<table class='wk-tabel'><thead><tr><th scope='col'>Domein</th>{kop}</tr></thead>"
        f"<tbody>{''.join(rijen)}</tbody></table>{noot}"
        + (f"<p><b>Wat er in de wijk loopt en nodig is</b></p><ul>{details}</ul>" if details else "")
    )


def koppelkansen_html(koppelkansen, fase2, opgaven) -> str:
    if not koppelkansen:
        return "<p><i>Nog geen sociale koppelkansen.</i></p>"
    namen = {o.id: o.naam for o in opgaven}
    rijen = "".join(
        f"<tr><td>{e(k.titel)}</td><td>{e(fase2.domein(k.domein_id).naam if fase2.domein(k.domein_id) else '?')}"
        f"</td><td>{e(', '.join(namen.get(o, o) for o in k.opgaven))}</td><td>{e(k.beschrijving)}</td></tr>"
        for k in koppelkansen
    )
    return ("<table class='wk-tabel wk-koppelkansen'><thead><tr><th scope='col'>Koppelkans</th>"
            "<th scope='col'>Domein</th><th scope='col'>Draagt bij aan</th><th scope='col'>Wat houdt het in?</th>"
            f"</tr></thead><tbody>{rijen}</tbody></table>")
