"""Exercise 'Strategieën voor koppelkansen' (phase 3): the register of koppelkansen, fed by phase 2 and by
the team, scored on the criteria used in practice plus the team's own, ranked with the top 3 marked,
and a decision per koppelkans (taken along or not, with a reason) that goes into the besluitenlog.

One Dropdown picks the koppelkans to work on (scores and decision), so the page stays small however
long the register gets; the ranking is an HTML table and a chart. Every score is saved as it is chosen.
"""

from __future__ import annotations

import ipywidgets as w

from ..analysis.koppelkansen import (
    BRON,
    STANDAARD_SLEUTELS,
    TOP,
    KoppelkansRangschikking,
    controleer_eigen_criterium,
    eigen_criteria_uit_formulier,
    kandidaten_uit_fase2,
    marge_uit_formulier,
    rangschik_koppelkansen,
)
from ..charts.koppelkansen import koppelkansen_figuur
from ..dossier import GelijktijdigGewijzigd, InvoerFout
from ..dossier.koppelkansen import STANDAARD_SCORECRITERIA, Koppelkans, KoppelkansInvoer
from ..dossier.model import nu
from ..dossier.validatie import naam_sleutel
from .basis import BREED, Bevestiging, Melding, e, figuur_html, knop, veilig, zet_keuze
from .context import WerkboekContext
from .domeinen import SLEUTEL as SOCIALE_SLEUTEL
from .formulier import VersieFormulier
from .kop import geen_dossier_html, toon_oefening
from .planning import MARGE_SLEUTEL

CRITERIA_SLEUTEL = "koppelkansen_criteria"  # the team's own criteria, shared by all koppelkansen
_BREED_VELD = w.Layout(width="720px")
_SCORESTIJL = {"description_width": "320px"}
_LABELS = dict(STANDAARD_SCORECRITERIA)
# What 1 and 5 mean per criterion; higher is always better.
_UITERSTEN = {
    "wensen": ("past slecht bij de wensen", "past heel goed bij de wensen"),
    "extra-kosten": ("veel extra kosten", "weinig of geen extra kosten"),
    "doorlooptijd": ("lange tijd nodig", "snel te besluiten en uit te voeren"),
}
_EIGEN_UITERSTEN = ("scoort slecht", "scoort heel goed")



def score_opties(sleutel: str) -> list[tuple[str, int | None]]:
    laag, hoog = _UITERSTEN.get(sleutel, _EIGEN_UITERSTEN)
    return [("– onbekend –", None), (f"1 · {laag}", 1), ("2", 2), ("3", 3), ("4", 4), (f"5 · {hoog}", 5)]


def criterium_label(sleutel: str) -> str:
    return _LABELS.get(sleutel, f"{sleutel} (eigen criterium)")


class KoppelkansenOefening(w.VBox):
    """Register, scoring, ranking with the top 3, and the decision per koppelkans."""

    def __init__(self, context: WerkboekContext):
        super().__init__()
        self.add_class("wk-oefening-koppelkansen")
        self.context = context
        self._melding = Melding()
        self._geen_dossier = w.HTML(geen_dossier_html())
        self._eigen_formulier = VersieFormulier(context, CRITERIA_SLEUTEL)
        self._kansen: list[Koppelkans] = []
        self._criteria: tuple[str, ...] = ()
        self._laden = False
        self._getoond: tuple | None = None  # (id, versie) of the koppelkans in the fields
        self._getoond_besluit: tuple | None = None  # (id, besluit, reden) in the decision fields
        self._laatste_figuur: tuple | None = None
        self._scorevelden: dict[str, w.Dropdown] = {}

        uitleg_rijen = "".join(
            f"<tr><td>{e(label)}</td><td>{e(_UITERSTEN[s][0])}</td><td>{e(_UITERSTEN[s][1])}</td></tr>"
            for s, label in STANDAARD_SCORECRITERIA
        )
        self._uitleg = w.HTML(
            "<p>Een <b>koppelkans</b> is werk dat je slim combineert met de warmtetransitie: de straat gaat toch "
            "open, of een wijkteam komt toch achter de voordeur. Verzamel de kansen, scoor ze en kies er een paar "
            "die jullie echt meenemen.</p>"
            "<p>Elke kans krijgt per criterium een score van 1 tot 5. <b>Hoger is altijd beter</b>: een 5 bij "
            "'extra kosten' betekent dus <i>weinig</i> extra kosten, een 5 bij 'tijd' een <i>korte</i> doorlooptijd. "
            "Een kans zonder score op elk criterium krijgt nog geen plaats in de ranglijst (een ontbrekende "
            "score telt niet als 0).</p>"
            "<details><summary>Wat betekenen 1 en 5 per criterium?</summary><table class='wk-tabel'><thead><tr>"
            "<th scope='col'>Criterium</th><th scope='col'>1</th><th scope='col'>5</th></tr></thead>"
            f"<tbody>{uitleg_rijen}<tr><td>Eigen criterium</td><td>{_EIGEN_UITERSTEN[0]}</td>"
            f"<td>{_EIGEN_UITERSTEN[1]}</td></tr></tbody></table></details>"
        )

        # phase 2 and new koppelkansen
        self._overnemen = knop("Kandidaten uit fase 2 overnemen", "wk-koppelkansen-overnemen", icon="download",
                                layout=w.Layout(width="300px"),
                                tooltip="Natuurlijke momenten en sociale koppelkansen uit fase 2 overnemen")
        self._titel = w.Text(description="Naam van de koppelkans", style=BREED, layout=_BREED_VELD,
                             placeholder="bijv. Bij het rioolwerk meteen regenwater afkoppelen")
        self._titel.add_class("wk-koppelkansen-titel")
        self._omschrijving = w.Textarea(description="Omschrijving", style=BREED,
                                        layout=w.Layout(width="720px", height="56px"),
                                        placeholder="Wat combineer je, en wie doet mee?")
        self._toevoegen = knop("Koppelkans toevoegen", "wk-koppelkansen-toevoegen", button_style="primary",
                                icon="plus", layout=w.Layout(width="220px"))

        # own criteria
        self._eigen_naam = w.Text(description="Eigen criterium", style=BREED, layout=w.Layout(width="520px"),
                                  placeholder="bijv. Zichtbaar voor bewoners")
        self._eigen_naam.add_class("wk-koppelkansen-eigen-naam")
        self._eigen_toevoegen = knop("Criterium toevoegen", "wk-koppelkansen-eigen-toevoegen", icon="plus",
                                      layout=w.Layout(width="200px"))
        self._eigen_kies = w.Dropdown(description="Eigen criterium weghalen", style=BREED,
                                      layout=w.Layout(width="520px"))
        self._eigen_weg = knop("Weghalen", "wk-koppelkansen-eigen-weg", icon="minus")
        self._eigen_lijst = w.HTML()
        self._eigen_lijst.add_class("wk-koppelkansen-eigen-lijst")

        # pick, score, decide
        self._kies = w.Dropdown(description="Koppelkans", style=BREED, layout=_BREED_VELD)
        self._kies.add_class("wk-koppelkansen-kies")
        self._details = w.HTML()
        self._details.add_class("wk-koppelkansen-details")
        self._scores = w.VBox()
        self._scores.add_class("wk-koppelkansen-scores")
        self._besluit = w.RadioButtons(
            description="Besluit", options=[("Nog open", None), ("Gekozen: nemen we mee", "gekozen"),
                                            ("Niet gekozen", "niet")], value=None, style=BREED)
        self._besluit.add_class("wk-koppelkansen-besluit")
        self._reden = w.Textarea(description="Reden", style=BREED, layout=w.Layout(width="720px", height="56px"),
                                 placeholder="Waarom wel of niet? Verplicht bij 'niet gekozen'.")
        self._reden.add_class("wk-koppelkansen-reden")
        self._aanwezig = w.Text(description="Wie waren erbij?", style=BREED, layout=_BREED_VELD,
                                placeholder="bijv. gemeente, corporatie, netbeheerder, bewonersvertegenwoordiging")
        self._aanwezig.add_class("wk-koppelkansen-aanwezig")
        self._besluit_knop = knop("Besluit vastleggen", "wk-koppelkansen-besluit-opslaan", button_style="primary",
                                   icon="check", layout=w.Layout(width="200px"))
        self._verwijderen = knop("Verwijderen…", "wk-koppelkansen-verwijderen", icon="trash")
        # renaming: a wording from phase 2 ('Samen de straat open: …') is often not how the team says it later
        self._wijzig_open = knop("Naam of omschrijving wijzigen…", "wk-koppelkansen-wijzig-open", icon="pencil",
                                 layout=w.Layout(width="260px"))
        self._nieuwe_titel = w.Text(description="Nieuwe naam", style=BREED, layout=_BREED_VELD)
        self._nieuwe_titel.add_class("wk-koppelkansen-nieuwe-titel")
        self._nieuwe_omschrijving = w.Textarea(description="Omschrijving", style=BREED,
                                               layout=w.Layout(width="720px", height="56px"))
        self._nieuwe_omschrijving.add_class("wk-koppelkansen-nieuwe-omschrijving")
        self._wijzig_bewaar = knop("Wijziging opslaan", "wk-koppelkansen-wijzig-opslaan", button_style="primary",
                                   icon="check", layout=w.Layout(width="200px"))
        self._wijzig_annuleer = knop("Annuleren", "wk-koppelkansen-wijzig-annuleren", icon="times")
        self._wijzig_vak = w.VBox([self._nieuwe_titel, self._nieuwe_omschrijving,
                                   w.HBox([self._wijzig_bewaar, self._wijzig_annuleer])],
                                  layout=w.Layout(display="none"))
        self._wijzig_vak.add_class("wk-koppelkansen-wijzig")
        self._bevestig = Bevestiging("wk-koppelkansen")
        self._bevestig_tekst, self._ja, self._nee = self._bevestig.tekst, self._bevestig.ja, self._bevestig.nee

        self._ranglijst = w.HTML()
        self._ranglijst.add_class("wk-koppelkansen-ranglijst")
        self._figuur = w.HTML()
        self._figuur.add_class("wk-koppelkansen-figuur")

        self._inhoud = w.VBox([
            self._uitleg, self._melding,
            w.HTML("<h4>1 · Kansen verzamelen</h4><p>Neem de natuurlijke momenten (met de marge die het team in "
                   "fase 2 koos) en de sociale koppelkansen uit fase 2 over, en voeg eigen ideeën toe. Wat al in het "
                   "register staat, wordt niet dubbel overgenomen.</p>"),
            self._overnemen, self._titel, self._omschrijving, self._toevoegen,
            w.HTML("<h4>2 · Eigen criteria (optioneel)</h4><p>Naast de drie criteria uit de praktijk kun je eigen "
                   "criteria toevoegen; die gelden dan voor alle koppelkansen.</p>"),
            w.HBox([self._eigen_naam, self._eigen_toevoegen]), self._eigen_lijst,
            w.HBox([self._eigen_kies, self._eigen_weg]),
            w.HTML("<h4>3 · Scoren en besluiten</h4><p>Kies een koppelkans. Een score wordt meteen opgeslagen; "
                   "een besluit leg je vast met de knop, en het komt in het besluitenlog.</p>"),
            self._kies, self._details, self._scores, self._besluit, self._reden, self._aanwezig,
            w.HBox([self._besluit_knop, self._wijzig_open, self._verwijderen]), self._wijzig_vak, self._bevestig,
            w.HTML("<h4>4 · Ranglijst</h4>"), self._ranglijst, self._figuur,
            w.HTML(f"<div class='wk-bron'>Bron: {e(BRON)}</div>"),
        ])
        self.children = [self._inhoud]
        self._overnemen.on_click(self._neem_over)
        self._toevoegen.on_click(self._voeg_toe)
        self._eigen_toevoegen.on_click(self._voeg_criterium_toe)
        self._eigen_weg.on_click(self._haal_criterium_weg)
        self._kies.observe(self._gekozen_gewijzigd, names="value")
        self._besluit_knop.on_click(self._leg_besluit_vast)
        self._verwijderen.on_click(self._vraag_verwijderen)
        self._ja.on_click(self._verwijder)
        self._wijzig_open.on_click(self._open_wijzigen)
        self._wijzig_bewaar.on_click(self._bewaar_wijziging)
        self._wijzig_annuleer.on_click(self._sluit_wijzigen)
        context.observe(self._herlaad, names=["dossier_id", "revisie"])
        self._herlaad()

    # -- loading ------------------------------------------------------------------------------
    @veilig()
    def _herlaad(self, change=None) -> None:
        if not toon_oefening(self):
            return
        if change is not None and change["name"] == "dossier_id":
            self._getoond = None
            self._verberg_bevestiging()
            self._sluit_wijzigen()
            self._melding.wis()
        store, dossier_id = self.context.store, self.context.dossier_id
        self._kansen = store.koppelkansen(dossier_id)
        eigen = eigen_criteria_uit_formulier(self._eigen_formulier.laad())
        criteria = (*STANDAARD_SLEUTELS, *eigen)
        if criteria != self._criteria:
            self._bouw_scorevelden(criteria)
        self._eigen_lijst.value = (
            "<div class='wk-bron'>Eigen criteria: " + ", ".join(e(n) for n in eigen) + "</div>" if eigen else
            "<div class='wk-bron'>Nog geen eigen criteria.</div>")
        self._eigen_kies.options = [(n, n) for n in eigen]
        self._eigen_kies.disabled = self._eigen_weg.disabled = not eigen
        gekozen = self._kies.value
        self._laden = True
        try:
            self._kies.options = [("— kies een koppelkans —", None)] + [
                (f"{k.titel} ({k.herkomst_label.lower()})", k.id) for k in self._kansen]
            zet_keuze(self._kies, gekozen if any(k.id == gekozen for k in self._kansen) else None)
        finally:
            self._laden = False
        self._toon_gekozen()
        self._toon_rangschikking()

    def _bouw_scorevelden(self, criteria: tuple[str, ...]) -> None:
        self._criteria = criteria
        self._scorevelden = {}
        for sleutel in criteria:
            veld = w.Dropdown(options=score_opties(sleutel), value=None, description=criterium_label(sleutel),
                              style=_SCORESTIJL, layout=w.Layout(width="640px"))
            veld.add_class("wk-koppelkansen-score")
            veld.observe(lambda c, s=sleutel: self._score_gewijzigd(s, c["new"]), names="value")
            self._scorevelden[sleutel] = veld
        self._scores.children = list(self._scorevelden.values())
        self._getoond = None  # refill the new fields

    @veilig()
    def _gekozen_gewijzigd(self, _change=None) -> None:
        if self._laden:
            return
        self._verberg_bevestiging()
        self._sluit_wijzigen()
        self._toon_gekozen()

    def _gekozen(self) -> Koppelkans | None:
        return next((k for k in self._kansen if k.id == self._kies.value), None)

    def _toon_gekozen(self) -> None:
        kans = self._gekozen()
        uit = kans is None
        for veld in (*self._scorevelden.values(), self._besluit, self._reden, self._aanwezig, self._besluit_knop,
                     self._verwijderen, self._wijzig_open):
            veld.disabled = uit
        if kans is None:
            self._details.value = ("<p><i>Nog geen koppelkansen in het register: neem ze over uit fase 2 of voeg er "
                                   "een toe.</i></p>" if not self._kansen else "")
            self._getoond = self._getoond_besluit = None
            self._laden = True
            try:
                for veld in self._scorevelden.values():
                    zet_keuze(veld, None)
            finally:
                self._laden = False
            return
        herkomst = e(kans.herkomst_label) + (f" — {e(kans.herkomst_ref)}" if kans.herkomst_ref else "")
        status = {"gekozen": "✔ gekozen", "niet": "✖ niet gekozen"}.get(kans.besluit, "○ nog geen besluit")
        self._details.value = (
            f"<div class='wk-koppelkansen-kaart'><b>{e(kans.titel)}</b> · {e(status)}"
            + (f"<div>{e(kans.omschrijving)}</div>" if kans.omschrijving else "")
            + f"<div class='wk-bron'>Herkomst: {herkomst}</div></div>"
        )
        if self._getoond == (kans.id, kans.versie):
            return
        self._laden = True
        try:
            for sleutel, veld in self._scorevelden.items():
                zet_keuze(veld, kans.scores.get(sleutel))
            # the decision fields only when the saved decision changed: a new score keeps a reason being typed
            if self._getoond_besluit != (kans.id, kans.besluit, kans.reden):
                zet_keuze(self._besluit, kans.besluit)
                self._reden.value = kans.reden
                self._getoond_besluit = (kans.id, kans.besluit, kans.reden)
        finally:
            self._laden = False
        self._getoond = (kans.id, kans.versie)

    def _rangschikking(self) -> KoppelkansRangschikking:
        return rangschik_koppelkansen(self._kansen, self._criteria)

    def _toon_rangschikking(self) -> None:
        rangschikking = self._rangschikking()
        self._ranglijst.value = ranglijst_html(rangschikking)
        sleutel = (self._criteria, tuple((k.id, k.titel, tuple(sorted(k.scores.items())), k.besluit)
                                         for k in self._kansen))
        if sleutel == self._laatste_figuur:
            return
        self._laatste_figuur = sleutel
        if not self._kansen:
            self._figuur.value = ""
            return
        self._figuur.value = figuur_html(koppelkansen_figuur(rangschikking), figuur_alt(rangschikking))

    # -- register -----------------------------------------------------------------------------
    @veilig()
    def _neem_over(self, _knop=None) -> None:
        store, dossier_id = self.context.store, self.context.dossier_id
        marge = marge_uit_formulier(store.formulier(dossier_id, MARGE_SLEUTEL)[0])
        kandidaten = kandidaten_uit_fase2(store.planning_werken(dossier_id), marge,
                                          store.formulier(dossier_id, SOCIALE_SLEUTEL)[0])
        if not kandidaten:
            self._melding.info("Fase 2 heeft nog geen kandidaten: er zijn geen natuurlijke momenten (bij een marge "
                               f"van {marge} jaar) en geen sociale koppelkansen. Voeg hieronder zelf kansen toe.")
            return
        toegevoegd = store.importeer_koppelkansen(dossier_id, kandidaten)
        overgeslagen = len(kandidaten) - len(toegevoegd)
        self._herlaad()
        self.context.gewijzigd()
        delen = [f"{len(toegevoegd)} kandida{'at' if len(toegevoegd) == 1 else 'ten'} uit fase 2 toegevoegd"]
        if overgeslagen:
            delen.append(f"{overgeslagen} overgeslagen omdat ze al in het register stonden")
        self._melding.ok(", ".join(delen) + f" (natuurlijke momenten bij een marge van {marge} jaar).")

    @veilig()
    def _voeg_toe(self, _knop=None) -> None:
        kans = self.context.store.voeg_koppelkans_toe(
            self.context.dossier_id, KoppelkansInvoer(self._titel.value, "nieuw", "", self._omschrijving.value))
        self._titel.value = self._omschrijving.value = ""
        self._herlaad()
        self._kies.value = kans.id
        self.context.gewijzigd()
        self._melding.ok(f"'{kans.titel}' staat in het register. Geef de kans nu scores.")

    @veilig()
    def _voeg_criterium_toe(self, _knop=None) -> None:
        eigen = [c for c in self._criteria if c not in STANDAARD_SLEUTELS]
        naam = controleer_eigen_criterium(self._eigen_naam.value, eigen)
        self._eigen_formulier.zet(("eigen", naam_sleutel(naam)), {"naam": naam, "aangemaakt": nu().isoformat()})
        self._eigen_naam.value = ""
        self._herlaad()
        self.context.gewijzigd()
        self._melding.ok(f"Criterium '{naam}' toegevoegd; het geldt voor alle koppelkansen. Kansen zonder score "
                         "erop staan even apart tot ze gescoord zijn.")

    @veilig()
    def _haal_criterium_weg(self, _knop=None) -> None:
        naam = self._eigen_kies.value
        if not naam:
            return
        self._eigen_formulier.zet(("eigen", naam_sleutel(naam)), None)
        self._herlaad()
        self.context.gewijzigd()
        self._melding.ok(f"Criterium '{naam}' weggehaald; het telt niet meer mee in de ranglijst.")

    # -- scoring and deciding -----------------------------------------------------------------
    def _score_gewijzigd(self, sleutel: str, waarde) -> None:
        if self._laden:
            return
        self._bewaar_score(sleutel, waarde)

    @veilig()
    def _bewaar_score(self, sleutel: str, waarde) -> None:
        kans = self._gekozen()
        if kans is None:
            return
        # only the criteria in use: a removed own criterion's score is dropped at the next save
        scores = {s: v for s, v in kans.scores.items() if s in self._criteria}
        if waarde is None:
            scores.pop(sleutel, None)
        else:
            scores[sleutel] = waarde
        try:
            self.context.store.zet_koppelkans_scores(self.context.dossier_id, kans.id, scores, kans.versie)
        except GelijktijdigGewijzigd:
            self._getoond = None
            self._herlaad()
            raise
        self._herlaad()
        self.context.gewijzigd()
        tekst = "onbekend" if waarde is None else str(waarde)
        self._melding.ok(f"{kans.titel}: score '{criterium_label(sleutel)}' = {tekst} opgeslagen.")

    @veilig()
    def _leg_besluit_vast(self, _knop=None) -> None:
        kans = self._gekozen()
        if kans is None:
            raise InvoerFout("Kies eerst een koppelkans.")
        try:
            nieuw = self.context.store.besluit_koppelkans(
                self.context.dossier_id, kans.id, self._besluit.value, self._reden.value, kans.versie,
                aanwezig=self._aanwezig.value)
        except GelijktijdigGewijzigd:
            self._getoond = None
            self._herlaad()
            raise
        self._getoond = None
        self._herlaad()
        self.context.gewijzigd()
        wat = {"gekozen": "gekozen", "niet": "niet gekozen"}.get(nieuw.besluit, "weer open")
        self._melding.ok(f"'{nieuw.titel}' is {wat}; het besluit staat in het besluitenlog.")

    def _open_wijzigen(self, _knop=None) -> None:
        kans = self._gekozen()
        if kans is None:
            return
        self._nieuwe_titel.value = kans.titel
        self._nieuwe_omschrijving.value = kans.omschrijving
        self._wijzig_vak.layout.display = None

    def _sluit_wijzigen(self, _knop=None) -> None:
        self._wijzig_vak.layout.display = "none"

    @veilig()
    def _bewaar_wijziging(self, _knop=None) -> None:
        """Only title and description change; scores, decision and the strategies using it stay (they refer
        to the koppelkans by number). Saved on the version shown, so a parallel edit is never overwritten."""
        kans = self._gekozen()
        if kans is None or self._getoond is None or self._getoond[0] != kans.id:
            return
        try:
            nieuw = self.context.store.wijzig_koppelkans(
                self.context.dossier_id, kans.id,
                KoppelkansInvoer(self._nieuwe_titel.value, kans.herkomst, kans.herkomst_ref,
                                 self._nieuwe_omschrijving.value),
                self._getoond[1])
        except GelijktijdigGewijzigd:
            self._getoond = None
            self._herlaad()
            raise
        self._sluit_wijzigen()
        self._getoond = None
        self._herlaad()
        self.context.gewijzigd()
        self._melding.ok(f"De koppelkans heet nu '{nieuw.titel}'." if nieuw.titel != kans.titel
                         else f"De omschrijving van '{nieuw.titel}' is opgeslagen.")

    def _vraag_verwijderen(self, _knop=None) -> None:
        kans = self._gekozen()
        if kans is None:
            return
        self._bevestig.vraag(f"Weet je zeker dat je <b>{e(kans.titel)}</b> uit het register wilt halen?")

    def _verberg_bevestiging(self, _knop=None) -> None:
        self._bevestig.verberg()

    @veilig()
    def _verwijder(self, _knop=None) -> None:
        kans = self._gekozen()
        self._verberg_bevestiging()
        if kans is None:
            return
        self.context.store.verwijder_koppelkans(self.context.dossier_id, kans.id)
        zet_keuze(self._kies, None)
        self._herlaad()
        self.context.gewijzigd()
        self._melding.ok(f"'{kans.titel}' is uit het register gehaald.")


_BESLUIT_TEKST = {"gekozen": "✔ gekozen", "niet": "✖ niet gekozen"}


def ranglijst_html(rangschikking: KoppelkansRangschikking) -> str:
    """The ranked table with the top 3 marked by ★ and words, plus the koppelkansen not fully scored."""
    if not rangschikking.gerangschikt and not rangschikking.onvolledig:
        return "<p><i>Nog geen koppelkansen om te rangschikken.</i></p>"
    koppen = ["Plaats", "Koppelkans", *(criterium_label(c) for c in rangschikking.criteria), "Gemiddelde", "Besluit"]
    kop = "".join(f"<th scope='col'>{e(k)}</th>" for k in koppen)
    rijen = []
    for item in rangschikking.gerangschikt:
        plaats = f"★ {item.plaats} (top {TOP})" if item.in_top else str(item.plaats)
        besluit = _BESLUIT_TEKST.get(item.besluit, "○ open") + (f": {item.reden}" if item.reden else "")
        cellen = [plaats, item.titel, *(str(item.scores[c]) for c in rangschikking.criteria), item.gemiddelde_tekst,
                  besluit]
        klasse = " class='wk-koppelkansen-top'" if item.in_top else ""
        rijen.append(f"<tr{klasse}>" + "".join(f"<td>{e(c)}</td>" for c in cellen) + "</tr>")
    tabel = ""
    if rijen:
        tabel = (f"<table class='wk-tabel wk-koppelkansen-tabel'><thead><tr>{kop}</tr></thead>"
                 f"<tbody>{''.join(rijen)}</tbody></table>")
        if rangschikking.gedeelde_plaats_in_top:
            tabel += (f"<p class='wk-bron'>Er zijn {len(rangschikking.top)} kansen in de top {TOP}, omdat kansen met "
                      "hetzelfde gemiddelde een plaats delen.</p>")
    else:
        tabel = ("<p><i>Nog geen enkele koppelkans heeft een score op elk criterium, dus er is nog geen "
                 "ranglijst.</i></p>")
    if rangschikking.onvolledig:
        items = "".join(
            f"<li>{e(k.titel)} — ontbreekt: {e(', '.join(criterium_label(c) for c in k.ontbrekend))}"
            + (f" ({e(_BESLUIT_TEKST[k.besluit])})" if k.besluit in _BESLUIT_TEKST else "") + "</li>"
            for k in rangschikking.onvolledig)
        tabel += ("<div class='wk-koppelkansen-onvolledig'><b>Nog niet volledig gescoord</b> (nog geen plaats in de "
                  f"ranglijst):<ul>{items}</ul></div>")
    return tabel


def figuur_alt(rangschikking: KoppelkansRangschikking) -> str:
    delen = [f"{k.plaats}. {k.titel}: {k.gemiddelde_tekst}" + (" (top 3)" if k.in_top else "")
             for k in rangschikking.gerangschikt]
    tekst = "Gemiddelde score per koppelkans. " + ("; ".join(delen) if delen else "Nog geen volledig gescoorde kans.")
    if rangschikking.onvolledig:
        tekst += f" {len(rangschikking.onvolledig)} nog niet volledig gescoord."
    return tekst
