"""Exercise 'Strategieën voor koppelkansen' (phase 3): the register of koppelkansen, fed by phase 2 and by
the team, scored on the criteria used in practice plus the team's own, ranked with the top 3 marked,
and a decision per koppelkans (taken along or not, with a reason) that goes into the besluitenlog.

The state lives in ``KoppelkansenModel`` (``koppelkansen_model.py``); this module is only its view, one
sub-view per part of the page, each following the model's traits. One Dropdown picks the koppelkans to work on
(scores and decision), so the page stays small however long the register gets; the ranking is an HTML table and
a chart. Every score is saved as it is chosen.
"""

from __future__ import annotations

import ipywidgets as w
import traitlets

from ..analysis.koppelkansen import BRON, KoppelkansRangschikking
from ..charts.koppelkansen import koppelkansen_figuur
from ..dossier.records import STANDAARD_SCORECRITERIA
from ..leesmodel.koppelkansen import (
    BESLUIT_TEKST,
    EIGEN_UITERSTEN,
    GEEN_RANGLIJST,
    UITERSTEN,
    criterium_label,
    figuur_alt,
    gedeelde_top_zin,
    onvolledig_regels,
    ranglijst_koppen,
    ranglijst_rijen,
    score_opties,
)
from .basis import BREED, Bevestiging, e, figuur_html, knop, veilig
from .context import WerkboekContext
from .koppelkansen_model import KoppelkansenModel
from .oefening import Deel, Oefening

_BREED_VELD = w.Layout(width="720px")
_SCORESTIJL = {"description_width": "320px"}
_TEKSTVAK = w.Layout(width="720px", height="56px")


def _uitleg_html() -> str:
    rijen = "".join(f"<tr><td>{e(label)}</td><td>{e(UITERSTEN[s][0])}</td><td>{e(UITERSTEN[s][1])}</td></tr>"
                    for s, label in STANDAARD_SCORECRITERIA)
    return (
        "<p>Een <b>koppelkans</b> is werk dat je slim combineert met de warmtetransitie: de straat gaat toch "
        "open, of een wijkteam komt toch achter de voordeur. Verzamel de kansen, scoor ze en kies er een paar "
        "die jullie echt meenemen.</p>"
        "<p>Elke kans krijgt per criterium een score van 1 tot 5. <b>Hoger is altijd beter</b>: een 5 bij "
        "'extra kosten' betekent dus <i>weinig</i> extra kosten, een 5 bij 'tijd' een <i>korte</i> doorlooptijd. "
        "Een kans zonder score op elk criterium krijgt nog geen plaats in de ranglijst (een ontbrekende "
        "score telt niet als 0).</p>"
        "<details><summary>Wat betekenen 1 en 5 per criterium?</summary><table class='wk-tabel'><thead><tr>"
        "<th scope='col'>Criterium</th><th scope='col'>1</th><th scope='col'>5</th></tr></thead>"
        f"<tbody>{rijen}<tr><td>Eigen criterium</td><td>{EIGEN_UITERSTEN[0]}</td>"
        f"<td>{EIGEN_UITERSTEN[1]}</td></tr></tbody></table></details>"
    )


class _Deel(Deel):
    """A part of the page: it shares the exercise's model, message line and save-on-change."""

    model: KoppelkansenModel

    def klaar(self, tekst: str) -> None:
        self.oefening.bewaard(tekst)


class _Verzamelen(_Deel):
    """1 · the register grows: candidates from phase 2 and the team's own ideas."""

    def __init__(self, oefening: KoppelkansenOefening):
        self.overnemen = knop("Kandidaten uit fase 2 overnemen", "wk-koppelkansen-overnemen", icon="download",
                              layout=w.Layout(width="300px"),
                              tooltip="Natuurlijke momenten en sociale koppelkansen uit fase 2 overnemen")
        self.titel = w.Text(description="Naam van de koppelkans", style=BREED, layout=_BREED_VELD,
                            placeholder="bijv. Bij het rioolwerk meteen regenwater afkoppelen")
        self.titel.add_class("wk-koppelkansen-titel")
        self.omschrijving = w.Textarea(description="Omschrijving", style=BREED, layout=_TEKSTVAK,
                                       placeholder="Wat combineer je, en wie doet mee?")
        self.omschrijving.add_class("wk-koppelkansen-omschrijving")
        self.toevoegen = knop("Koppelkans toevoegen", "wk-koppelkansen-toevoegen", button_style="primary",
                              icon="plus", layout=w.Layout(width="220px"))
        super().__init__(oefening, [
            w.HTML("<h4>1 · Kansen verzamelen</h4><p>Neem de natuurlijke momenten (met de marge die het team in "
                   "fase 2 koos) en de sociale koppelkansen uit fase 2 over, en voeg eigen ideeën toe. Wat al in het "
                   "register staat, wordt niet dubbel overgenomen.</p>"),
            self.overnemen, self.titel, self.omschrijving, self.toevoegen,
        ])
        self.overnemen.on_click(self._neem_over)
        self.toevoegen.on_click(self._voeg_toe)

    @veilig()
    def _neem_over(self, _knop=None) -> None:
        gelukt, tekst = self.model.neem_over()
        if gelukt:
            self.klaar(tekst)
        else:
            self._melding.info(tekst)

    @veilig()
    def _voeg_toe(self, _knop=None) -> None:
        tekst = self.model.voeg_toe(self.titel.value, self.omschrijving.value)
        self.titel.value = self.omschrijving.value = ""
        self.klaar(tekst)


class _EigenCriteria(_Deel):
    """2 · the team's own criteria, shared by all koppelkansen."""

    def __init__(self, oefening: KoppelkansenOefening):
        self.naam = w.Text(description="Eigen criterium", style=BREED, layout=w.Layout(width="520px"),
                           placeholder="bijv. Zichtbaar voor bewoners")
        self.naam.add_class("wk-koppelkansen-eigen-naam")
        self.toevoegen = knop("Criterium toevoegen", "wk-koppelkansen-eigen-toevoegen", icon="plus",
                              layout=w.Layout(width="200px"))
        self.kies = w.Dropdown(description="Eigen criterium weghalen", style=BREED, layout=w.Layout(width="520px"))
        self.kies.add_class("wk-koppelkansen-eigen-kies")
        self.weg = knop("Weghalen", "wk-koppelkansen-eigen-weg", icon="minus")
        self.lijst = w.HTML()
        self.lijst.add_class("wk-koppelkansen-eigen-lijst")
        super().__init__(oefening, [
            w.HTML("<h4>2 · Eigen criteria (optioneel)</h4><p>Naast de drie criteria uit de praktijk kun je eigen "
                   "criteria toevoegen; die gelden dan voor alle koppelkansen.</p>"),
            w.HBox([self.naam, self.toevoegen]), self.lijst, w.HBox([self.kies, self.weg]),
        ])
        traitlets.dlink((self.model, "eigen"), (self.lijst, "value"), _eigen_html)
        traitlets.dlink((self.model, "eigen"), (self.kies, "options"), lambda eigen: [(n, n) for n in eigen])
        traitlets.dlink((self.model, "eigen"), (self.kies, "disabled"), lambda eigen: not eigen)
        traitlets.dlink((self.model, "eigen"), (self.weg, "disabled"), lambda eigen: not eigen)
        self.toevoegen.on_click(self._voeg_toe)
        self.weg.on_click(self._haal_weg)

    @veilig()
    def _voeg_toe(self, _knop=None) -> None:
        tekst = self.model.voeg_criterium_toe(self.naam.value)
        self.naam.value = ""
        self.klaar(tekst)

    @veilig()
    def _haal_weg(self, _knop=None) -> None:
        if self.kies.value:
            self.klaar(self.model.haal_criterium_weg(self.kies.value))


def _eigen_html(eigen: tuple[str, ...]) -> str:
    if not eigen:
        return "<div class='wk-bron'>Nog geen eigen criteria.</div>"
    return "<div class='wk-bron'>Eigen criteria: " + ", ".join(e(n) for n in eigen) + "</div>"


class _Hernoemen(_Deel):
    """Renaming the chosen koppelkans: a wording from phase 2 ('Samen de straat open: …') is often not how the
    team says it later. Hidden until asked for."""

    def __init__(self, oefening: KoppelkansenOefening):
        self.titel = w.Text(description="Nieuwe naam", style=BREED, layout=_BREED_VELD)
        self.titel.add_class("wk-koppelkansen-nieuwe-titel")
        self.omschrijving = w.Textarea(description="Omschrijving", style=BREED, layout=_TEKSTVAK)
        self.omschrijving.add_class("wk-koppelkansen-nieuwe-omschrijving")
        self.bewaar = knop("Wijziging opslaan", "wk-koppelkansen-wijzig-opslaan", button_style="primary",
                           icon="check", layout=w.Layout(width="200px"))
        self.annuleer = knop("Annuleren", "wk-koppelkansen-wijzig-annuleren", icon="times")
        super().__init__(oefening, [self.titel, self.omschrijving, w.HBox([self.bewaar, self.annuleer])])
        self.layout.display = "none"
        self.add_class("wk-koppelkansen-wijzig")
        self.bewaar.on_click(self._bewaar)
        self.annuleer.on_click(self.sluit)

    def begin(self) -> None:
        kans = self.model.gekozen
        if kans is not None:
            self.titel.value, self.omschrijving.value = kans.titel, kans.omschrijving
            self.layout.display = None

    def sluit(self, _knop=None) -> None:
        self.layout.display = "none"

    @veilig()
    def _bewaar(self, _knop=None) -> None:
        if self.model.gekozen is None:
            return
        tekst = self.model.wijzig(self.titel.value, self.omschrijving.value)
        self.sluit()
        self.klaar(tekst)


class _Beoordelen(_Deel):
    """3 · pick a koppelkans; score it (saved per choice) and record the decision."""

    def __init__(self, oefening: KoppelkansenOefening):
        self.kies = w.Dropdown(description="Koppelkans", style=BREED, layout=_BREED_VELD)
        self.kies.add_class("wk-koppelkansen-kies")
        self.details = w.HTML()
        self.details.add_class("wk-koppelkansen-details")
        self.scores = w.VBox()
        self.scores.add_class("wk-koppelkansen-scores")
        self.besluit = w.RadioButtons(
            description="Besluit", options=[("Nog open", None), ("Gekozen: nemen we mee", "gekozen"),
                                            ("Niet gekozen", "niet")], value=None, style=BREED)
        self.besluit.add_class("wk-koppelkansen-besluit")
        self.reden = w.Textarea(description="Reden", style=BREED, layout=_TEKSTVAK,
                                placeholder="Waarom wel of niet? Verplicht bij 'niet gekozen'.")
        self.reden.add_class("wk-koppelkansen-reden")
        self.aanwezig = w.Text(description="Wie waren erbij?", style=BREED, layout=_BREED_VELD,
                               placeholder="bijv. gemeente, corporatie, netbeheerder, bewonersvertegenwoordiging")
        self.aanwezig.add_class("wk-koppelkansen-aanwezig")
        self.vastleggen = knop("Besluit vastleggen", "wk-koppelkansen-besluit-opslaan", button_style="primary",
                               icon="check", layout=w.Layout(width="200px"))
        self.verwijderen = knop("Verwijderen…", "wk-koppelkansen-verwijderen", icon="trash")
        self.wijzig_open = knop("Naam of omschrijving wijzigen…", "wk-koppelkansen-wijzig-open", icon="pencil",
                                layout=w.Layout(width="260px"))
        self.hernoemen = _Hernoemen(oefening)
        self.bevestig = Bevestiging("wk-koppelkansen")
        super().__init__(oefening, [
            w.HTML("<h4>3 · Scoren en besluiten</h4><p>Kies een koppelkans. Een score wordt meteen opgeslagen; "
                   "een besluit leg je vast met de knop, en het komt in het besluitenlog.</p>"),
            self.kies, self.details, self.scores, self.besluit, self.reden, self.aanwezig,
            w.HBox([self.vastleggen, self.wijzig_open, self.verwijderen]), self.hernoemen, self.bevestig,
        ])
        self._scorevelden: dict[str, w.Dropdown] = {}
        self._getoond_besluit: tuple | None = None  # (id, besluit, reden) in the decision fields
        oefening.bij_wijziging(self.kies, self._gekozen_door_gebruiker)
        self.vastleggen.on_click(self._leg_besluit_vast)
        self.verwijderen.on_click(self._vraag_verwijderen)
        self.bevestig.ja.on_click(self._verwijder)
        self.wijzig_open.on_click(lambda _knop: self.hernoemen.begin())
        self.model.observe(self._toon, names=["criteria", "kansen", "gekozen"])
        self._toon()

    def sluit(self) -> None:
        """Hide the rename box and the 'are you sure' question (another koppelkans or dossier)."""
        self.bevestig.verberg()
        self.hernoemen.sluit()

    def _gekozen_door_gebruiker(self, kans_id) -> None:
        self.sluit()
        self.model.kies(kans_id)

    def _bouw_scorevelden(self, criteria: tuple[str, ...]) -> None:
        self._scorevelden = {}
        for sleutel in criteria:
            veld = w.Dropdown(options=score_opties(sleutel), value=None, description=criterium_label(sleutel),
                              style=_SCORESTIJL, layout=w.Layout(width="640px"))
            veld.add_class("wk-koppelkansen-score")
            self.oefening.bij_wijziging(veld, lambda waarde, s=sleutel: self._bewaar_score(s, waarde))
            self._scorevelden[sleutel] = veld
        self.scores.children = list(self._scorevelden.values())

    def _toon(self, _change=None) -> None:
        model, toon = self.model, self.oefening.toon
        if tuple(self._scorevelden) != model.criteria:
            self._bouw_scorevelden(model.criteria)
        toon(self.kies, model.gekozen_id, [("— kies een koppelkans —", None)] + [
            (f"{k.titel} ({k.herkomst_label.lower()})", k.id) for k in model.kansen])
        kans = model.gekozen
        for veld in (*self._scorevelden.values(), self.besluit, self.reden, self.aanwezig, self.vastleggen,
                     self.verwijderen, self.wijzig_open):
            veld.disabled = kans is None
        self.details.value = _details_html(kans, bool(model.kansen))
        for sleutel, veld in self._scorevelden.items():
            toon(veld, kans.scores.get(sleutel) if kans else None)
        if kans is None:
            self._getoond_besluit = None
        elif self._getoond_besluit != (kans.id, kans.besluit, kans.reden):
            # only when the saved decision changed: a new score keeps a reason being typed
            toon(self.besluit, kans.besluit)
            toon(self.reden, kans.reden)
            self._getoond_besluit = (kans.id, kans.besluit, kans.reden)

    def _bewaar_score(self, sleutel: str, waarde) -> None:
        tekst = self.model.zet_score(sleutel, waarde)
        if tekst:
            self.klaar(tekst)

    @veilig()
    def _leg_besluit_vast(self, _knop=None) -> None:
        self.klaar(self.model.leg_besluit_vast(self.besluit.value, self.reden.value, self.aanwezig.value))

    def _vraag_verwijderen(self, _knop=None) -> None:
        kans = self.model.gekozen
        if kans is not None:
            self.bevestig.vraag(f"Weet je zeker dat je <b>{e(kans.titel)}</b> uit het register wilt halen?")

    @veilig()
    def _verwijder(self, _knop=None) -> None:
        self.bevestig.verberg()
        if self.model.gekozen is not None:
            self.klaar(self.model.verwijder())


def _details_html(kans, register_gevuld: bool) -> str:
    if kans is None:
        return ("" if register_gevuld else "<p><i>Nog geen koppelkansen in het register: neem ze over uit fase 2 "
                "of voeg er een toe.</i></p>")
    herkomst = e(kans.herkomst_label) + (f" — {e(kans.herkomst_ref)}" if kans.herkomst_ref else "")
    status = BESLUIT_TEKST.get(kans.besluit, "○ nog geen besluit")
    return (f"<div class='wk-koppelkansen-kaart'><b>{e(kans.titel)}</b> · {e(status)}"
            + (f"<div>{e(kans.omschrijving)}</div>" if kans.omschrijving else "")
            + f"<div class='wk-bron'>Herkomst: {herkomst}</div></div>")


class _Ranglijst(_Deel):
    """4 · the ranking as a table and a chart, drawn again only when the ranking changed."""

    def __init__(self, oefening: KoppelkansenOefening):
        self.tabel = w.HTML()
        self.tabel.add_class("wk-koppelkansen-ranglijst")
        self.figuur = w.HTML()
        self.figuur.add_class("wk-koppelkansen-figuur")
        super().__init__(oefening, [w.HTML("<h4>4 · Ranglijst</h4>"), self.tabel, self.figuur])
        self.model.observe(self._toon, names="rangschikking")

    def _toon(self, _change=None) -> None:
        rangschikking = self.model.rangschikking
        self.tabel.value = ranglijst_html(rangschikking)
        leeg = not rangschikking.gerangschikt and not rangschikking.onvolledig
        self.figuur.value = "" if leeg else figuur_html(koppelkansen_figuur(rangschikking), figuur_alt(rangschikking))


class KoppelkansenOefening(Oefening):
    """Register, scoring, ranking with the top 3, and the decision per koppelkans."""

    KLASSE = "wk-oefening-koppelkansen"

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        self.model = KoppelkansenModel()
        self._beoordelen = _Beoordelen(self)
        self.inhoud.children = [
            w.HTML(_uitleg_html()), self._melding, _Verzamelen(self), _EigenCriteria(self), self._beoordelen,
            _Ranglijst(self), w.HTML(f"<div class='wk-bron'>Bron: {e(BRON)}</div>"),
        ]
        self.start()

    def laad(self, dossier_gewisseld: bool) -> None:
        if dossier_gewisseld:
            self._beoordelen.sluit()
            self._melding.wis()
        self.model.lees(self.context.store, self.context.dossier_id)


def ranglijst_html(rangschikking: KoppelkansRangschikking) -> str:
    """The ranked table with the top 3 marked by ★ and words, plus the koppelkansen not fully scored."""
    if not rangschikking.gerangschikt and not rangschikking.onvolledig:
        return "<p><i>Nog geen koppelkansen om te rangschikken.</i></p>"
    if rangschikking.gerangschikt:
        kop = "".join(f"<th scope='col'>{e(k)}</th>" for k in ranglijst_koppen(rangschikking))
        rijen = "".join(
            ("<tr class='wk-koppelkansen-top'>" if item.in_top else "<tr>")
            + "".join(f"<td>{e(c)}</td>" for c in cellen) + "</tr>"
            for item, cellen in zip(rangschikking.gerangschikt, ranglijst_rijen(rangschikking), strict=True))
        tabel = (f"<table class='wk-tabel wk-koppelkansen-tabel'><thead><tr>{kop}</tr></thead>"
                 f"<tbody>{rijen}</tbody></table>")
        if zin := gedeelde_top_zin(rangschikking):
            tabel += f"<p class='wk-bron'>{e(zin)}</p>"
    else:
        tabel = f"<p><i>{e(GEEN_RANGLIJST)}</i></p>"
    if rangschikking.onvolledig:
        items = "".join(f"<li>{e(regel)}</li>" for regel in onvolledig_regels(rangschikking))
        tabel += ("<div class='wk-koppelkansen-onvolledig'><b>Nog niet volledig gescoord</b> (nog geen plaats in de "
                  f"ranglijst):<ul>{items}</ul></div>")
    return tabel

