"""Exercise 'Heldere afspraken over besluitvorming en onderlinge afhankelijkheden' (phase 3): the decisions each
partner needs on the way to the wijkuitvoeringsplan, who takes them and when (beeldvorming, oordeelsvorming,
besluit), go/no-go moments and which decision waits for which.

The planning is one versioned form (``besluitvorming``). One Dropdown picks the decision to edit (or '— nieuw
besluit —'); saving, adding a starting row and deleting each save the whole form at once, refused when a
colleague saved in between (the page then shows their version). A cycle of dependencies is refused.
"""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import ipywidgets as w

from ..analysis.besluitvorming import (
    BRON,
    ORGAAN,
    ORGANEN,
    STAPPEN,
    TABELKOPPEN,
    Analyse,
    Besluit,
    Besluitvorming,
    analyseer_besluitvorming,
    besluit_label,
    conflict_regels,
    controleer_besluitvorming,
    hint,
    lees_besluitvorming,
    maand_nl,
    met_besluit,
    samenvatting,
    tabel_rijen,
    voeg_voorbeeld_toe,
    voorbeeld_opties,
    zonder_besluit,
)
from ..charts.besluitvorming import besluitvorming_figuur, figuur_alt
from ..dossier import formulieren
from .basis import Bevestiging, e, figuur_html, knop, tabel_html, veilig
from .context import WerkboekContext
from .formulier import FormulierOefening

_LABEL = {"description_width": "230px"}  # long labels such as 'Oordeelsvorming (maand)' stay whole
_VELD = w.Layout(width="720px")
_MAANDVELD = w.Layout(width="420px")
_NIEUW = "— nieuw besluit —"
_NIETS = object()  # nothing in the fields yet: fill them


def nieuw_id() -> str:
    return "b" + uuid4().hex[:8]


class BesluitvormingOefening(FormulierOefening):
    """The besluitvormingsplanning: a table, a form for one decision, starting rows, a timeline and the
    conflicts in words."""

    KLASSE = "wk-oefening-besluitvorming"
    SLEUTEL = formulieren.BESLUITVORMING
    VERVERS_BIJ = ("dossier_id", "revisie")  # the parties come from another exercise

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        self._model = Besluitvorming()
        self._partijnamen: dict[int, str] = {}
        self._in_velden: object = _NIETS  # (id, stored row) of the decision in the fields, None for a new one
        self._laatste_figuur: tuple | None = None
        self._voorbeelden: dict[str, int] = {}

        self._voorbeeld = w.Dropdown(description="Voorbeeldbesluit", style=_LABEL, layout=_VELD)
        self._voorbeeld.add_class("wk-besluitvorming-voorbeeld")
        self._voorbeeld_toevoegen = knop("Voorbeeld toevoegen", "wk-besluitvorming-voorbeeld-toevoegen", icon="plus",
                                         layout=w.Layout(width="200px"))
        self._voorbeeld_uitleg = w.HTML()
        self._voorbeeld_uitleg.add_class("wk-besluitvorming-voorbeeld-uitleg")
        self._lijst = w.HTML()
        self._lijst.add_class("wk-besluitvorming-lijst")
        self._kies = w.Dropdown(description="Besluit", style=_LABEL, layout=_VELD)
        self._kies.add_class("wk-besluitvorming-kies")
        self._wat = w.Text(description="Wat moet er besloten worden", style=_LABEL, layout=_VELD,
                           placeholder="bijv. keuze van de warmtestrategie voor de wijk")
        self._partij = w.Dropdown(description="Partij", style=_LABEL, layout=_VELD)
        self._orgaan = w.Dropdown(description="Wie beslist", style=_LABEL, layout=_VELD,
                                  options=[(o.naam, o.id) for o in ORGANEN], value="anders")
        self._orgaan_hint = w.HTML(layout=w.Layout(margin="0 0 6px 238px", max_width="540px"))
        self._orgaan_hint.add_class("wk-besluitvorming-orgaan-hint")
        self._maanden = {
            stap: w.Text(description=f"{label} (maand)", style=_LABEL, layout=_MAANDVELD,
                         placeholder="JJJJ-MM, bijv. 2027-03")
            for stap, label in STAPPEN
        }
        self._go_no_go = w.Checkbox(description="Dit is een go/no-go-moment", indent=False,
                                    layout=w.Layout(margin="4px 0 4px 238px"))
        self._afhaken = w.Textarea(description="Wat als deze partner afhaakt", style=_LABEL,
                                   layout=w.Layout(width="720px", height="60px"),
                                   placeholder="Wat gebeurt er met het plan, en met de andere partners?")
        self._afhankelijk = w.SelectMultiple(description="Hangt af van (Ctrl-klik)", rows=4, style=_LABEL,
                                             layout=_VELD)
        for veld, widget in (("wat", self._wat), ("partij", self._partij), ("orgaan", self._orgaan),
                             *self._maanden.items(), ("go-no-go", self._go_no_go), ("afhaken", self._afhaken),
                             ("afhankelijk", self._afhankelijk)):
            widget.add_class(f"wk-besluitvorming-{veld}")
        self._opslaan = knop("Besluit toevoegen", "wk-besluitvorming-opslaan", button_style="primary", icon="check",
                             layout=w.Layout(width="220px"))
        self._verwijderen = knop("Verwijderen…", "wk-besluitvorming-verwijderen", icon="trash")
        self._bevestig = Bevestiging("wk-besluitvorming-verwijder")
        self._figuur = w.HTML()
        self._figuur.add_class("wk-besluitvorming-figuur")
        self._samenvatting = w.HTML()
        self._samenvatting.add_class("wk-besluitvorming-samenvatting")
        self._conflicten = w.HTML()
        self._conflicten.add_class("wk-besluitvorming-conflicten")
        self._signalen = w.HTML()
        self._signalen.add_class("wk-besluitvorming-signalen")

        self.inhoud.children = [
            w.HTML("<p>Zet de besluiten op een rij die elke partner moet nemen om tot een wijkuitvoeringsplan te "
                   "komen. Plan per besluit de drie stappen (beeldvorming, oordeelsvorming, besluit) en geef aan "
                   "welk besluit op welk ander besluit wacht.</p>"),
            w.HBox([self._voorbeeld, self._voorbeeld_toevoegen]), self._voorbeeld_uitleg,
            self._lijst, self._melding, self._kies, self._wat, self._partij, self._orgaan, self._orgaan_hint,
            *self._maanden.values(), self._go_no_go, self._afhaken, self._afhankelijk,
            w.HBox([self._opslaan, self._verwijderen]), self._bevestig,
            w.HTML("<h4>De planning in beeld</h4>"), self._figuur, self._samenvatting, self._conflicten,
            self._signalen,
            w.HTML(f"<div class='wk-bron'>Bron: {e(BRON)}</div>"),
        ]
        self.bij_wijziging(self._kies, self._gekozen_gewijzigd)
        self._orgaan.observe(self._toon_hint, names="value")
        self._opslaan.on_click(self._bewaar)
        self._voorbeeld_toevoegen.on_click(self._voeg_voorbeeld_toe)
        self._verwijderen.on_click(self._vraag_verwijderen)
        self._bevestig.ja.on_click(self._verwijder)
        self.start()

    # -- loading ------------------------------------------------------------------------------
    def laad(self, dossier_gewisseld: bool = True) -> None:
        if dossier_gewisseld:
            self._in_velden = _NIETS
            self._bevestig.verberg()
            self._melding.wis()
        self._toon(self._formulier.laad())

    def _toon(self, gegevens: dict) -> None:
        """Everything from the form; the fields only when another decision is chosen or it changed."""
        partijen = self.context.store.partijen(self.context.dossier_id)
        self._partijnamen = {p.id: p.naam for p in partijen}
        self._model = model = lees_besluitvorming(gegevens)
        namen = self._partijnamen
        analyse = analyseer_besluitvorming(model, namen)
        opties = voorbeeld_opties(model, partijen)
        self._voorbeelden = {sleutel: partij_id for _label, sleutel, partij_id in opties}
        vorige = self._voorbeeld.value
        self._voorbeeld.options = [(label, sleutel) for label, sleutel, _p in opties]
        if opties:  # ipywidgets 8 selects nothing after new options: keep the choice, else the first
            self._voorbeeld.value = vorige if vorige in self._voorbeelden else opties[0][1]
        self._voorbeeld.disabled = self._voorbeeld_toevoegen.disabled = not opties
        self._voorbeeld_uitleg.value = "<div class='wk-bron'>" + e(
            "Kies een veelvoorkomend besluit om mee te beginnen; de maanden zijn een voorstel vanaf nu, pas ze "
            "daarna aan." if opties else
            "Geen voorbeeldbesluiten (meer) die passen bij de partijen in dit dossier. Voorbeelden zijn er voor "
            "gemeente, gemeenteraad, woningcorporatie, huurdersorganisatie, VvE, warmtebedrijf en netbeheerder."
        ) + "</div>"
        self._lijst.value = (tabel_html(TABELKOPPEN, tabel_rijen(model, analyse, namen), "wk-besluitvorming-tabel")
                             if not model.leeg else "<p><i>Nog geen besluiten in de planning.</i></p>")
        gekozen = self._kies.value
        self.toon(self._kies, gekozen if model.besluit(gekozen) is not None else None,
                  [(_NIEUW, None)] + [(besluit_label(b, namen), b.id) for b in model.besluiten])
        self._vul_formulier(partijen)
        self._toon_analyse(analyse)

    def _vul_formulier(self, partijen) -> None:
        besluit = self._model.besluit(self._kies.value)
        self._opslaan.description = "Besluit toevoegen" if besluit is None else "Wijzigingen opslaan"
        self._verwijderen.disabled = besluit is None
        sleutel = None if besluit is None else (besluit.id, besluit)
        partij_opties = [("— kies een partij —", None)] + [(p.naam, p.id) for p in partijen]
        afhankelijk_opties = [
            (f"{besluit_label(b, self._partijnamen)}, {maand_nl(b.besluit)}", b.id)
            for b in self._model.besluiten if besluit is None or b.id != besluit.id]
        if sleutel == self._in_velden:  # same decision, unchanged: keep what the user is typing
            partij = self._partij.value
            self.toon(self._partij, partij if any(i == partij for _n, i in partij_opties) else None, partij_opties)
            mogelijk = {i for _n, i in afhankelijk_opties}
            self.toon(self._afhankelijk, tuple(a for a in self._afhankelijk.value if a in mogelijk),
                      afhankelijk_opties)
            return
        self._in_velden = sleutel
        if besluit is None:
            self._wat.value = self._afhaken.value = ""
            self.toon(self._partij, None, partij_opties)
            self._orgaan.value = "anders"
            for veld in self._maanden.values():
                veld.value = ""
            self._go_no_go.value = False
            self.toon(self._afhankelijk, (), afhankelijk_opties)
        else:
            self._wat.value = besluit.wat
            bekend = besluit.partij_id in self._partijnamen
            self.toon(self._partij, besluit.partij_id if bekend else None, partij_opties)
            self._orgaan.value = besluit.orgaan
            for stap, veld in self._maanden.items():
                veld.value = getattr(besluit, stap) or ""
            self._go_no_go.value = besluit.go_no_go
            self._afhaken.value = besluit.afhaken
            self.toon(self._afhankelijk, tuple(besluit.afhankelijk_van), afhankelijk_opties)
        self._toon_hint()

    def _toon_hint(self, _change=None) -> None:
        tekst = hint(self._orgaan.value)
        self._orgaan_hint.value = f"<div class='wk-bron'>ℹ {e(tekst)}</div>" if tekst else ""

    def _toon_analyse(self, analyse: Analyse) -> None:
        model, namen = self._model, self._partijnamen
        sleutel = (model, tuple(sorted(namen.items())))
        if sleutel != self._laatste_figuur:
            self._laatste_figuur = sleutel
            self._figuur.value = figuur_html(besluitvorming_figuur(model, analyse, namen),
                                             figuur_alt(model, analyse, namen))
        self._samenvatting.value = "".join(f"<p>{e(r)}</p>" for r in samenvatting(analyse, model, namen))
        self._conflicten.value = conflicten_html(analyse, model, namen)
        self._signalen.value = signalen_html(analyse, model)

    def _gekozen_gewijzigd(self, _waarde) -> None:
        self._bevestig.verberg()
        self._vul_formulier(self.context.store.partijen(self.context.dossier_id))

    # -- saving -------------------------------------------------------------------------------
    def _bewaar_model(self, nieuw: Besluitvorming, bewerkt: str | None, tekst: str) -> None:
        """Check (field by field only the decision ``bewerkt``) and save the whole form on the version this page
        loaded; on a clash show the newest."""
        store, dossier_id = self.context.store, self.context.dossier_id
        partij_ids = {p.id for p in store.partijen(dossier_id)}
        schoon = controleer_besluitvorming(nieuw, partij_ids, bewerkt=() if bewerkt is None else (bewerkt,))
        try:
            self._formulier.bewaar(schoon.als_dict())
        finally:
            self._in_velden = _NIETS  # show what is stored now: this version, or a colleague's newer one
            self._toon(self._formulier.gegevens)
        if bewerkt is not None and self._model.besluit(bewerkt) is not None:
            self.toon(self._kies, bewerkt)
            self._vul_formulier(store.partijen(dossier_id))
        self.bewaard(tekst)

    def _lees_formulier(self, besluit_id: str) -> Besluit:
        vorige = self._model.besluit(besluit_id)
        return Besluit(
            id=besluit_id, wat=self._wat.value, partij_id=self._partij.value, orgaan=self._orgaan.value,
            **{stap: veld.value for stap, veld in self._maanden.items()},
            go_no_go=bool(self._go_no_go.value), afhaken=self._afhaken.value,
            afhankelijk_van=tuple(self._afhankelijk.value), sjabloon=vorige.sjabloon if vorige else None,
        )

    @veilig()
    def _bewaar(self, _knop=None) -> None:
        besluit_id = self._kies.value or nieuw_id()
        nieuw = self._model.besluit(besluit_id) is None
        besluit = self._lees_formulier(besluit_id)
        self._bewaar_model(met_besluit(self._model, besluit), besluit_id,
                           f"Besluit '{besluit.wat.strip()}' is {'toegevoegd' if nieuw else 'opgeslagen'}.")

    @veilig()
    def _voeg_voorbeeld_toe(self, _knop=None) -> None:
        sleutel = self._voorbeeld.value
        if sleutel not in self._voorbeelden:
            self._melding.info("Kies eerst een voorbeeldbesluit.")
            return
        besluit_id = nieuw_id()
        model = voeg_voorbeeld_toe(self._model, sleutel, self._voorbeelden[sleutel], besluit_id, date.today())
        self._bewaar_model(model, besluit_id, f"Voorbeeldbesluit '{model.besluit(besluit_id).wat}' is toegevoegd; "
                                              "pas de maanden hieronder aan jullie planning aan.")

    def _vraag_verwijderen(self, _knop=None) -> None:
        besluit = self._model.besluit(self._kies.value)
        if besluit is None:
            return
        wachten = [b for b in self._model.besluiten if besluit.id in b.afhankelijk_van]
        extra = (f" {len(wachten)} ander(e) besluit(en) hangen ervan af; die afhankelijkheid vervalt."
                 if wachten else "")
        self._bevestig.vraag(f"Weet je zeker dat je <b>{e(besluit_label(besluit, self._partijnamen))}</b> wilt "
                             f"verwijderen?{e(extra)}")

    @veilig()
    def _verwijder(self, _knop=None) -> None:
        besluit = self._model.besluit(self._kies.value)
        self._bevestig.verberg()
        if besluit is None:
            return
        self._bewaar_model(zonder_besluit(self._model, besluit.id), None, f"Besluit '{besluit.wat}' is verwijderd.")


def conflicten_html(analyse: Analyse, model: Besluitvorming, partijnamen: dict[int, str]) -> str:
    """The conflicts (and a cycle from an imported form) in words, under the chart."""
    regels = conflict_regels(analyse, model, partijnamen)
    if not regels:
        if model.leeg:
            return ""
        return ("<div class='wk-melding wk-melding-ok' role='status'>✔ Geen conflicten: elk besluit valt na de "
                "besluiten waarvan het afhangt.</div>")
    items = "".join(f"<li>{e(regel)}</li>" for regel in regels)
    return (f"<div class='wk-planning-foutenlijst' role='alert'><b>⚠ {len(regels)} conflict(en) in de planning</b>"
            f"<ul style='margin:2px 0'>{items}</ul></div>")


def signalen_html(analyse: Analyse, model: Besluitvorming) -> str:
    """Points of attention: the analysis' signals and what to keep in mind about the bodies in the planning."""
    organen = [ORGAAN[o] for o in dict.fromkeys(b.orgaan for b in model.besluiten) if ORGAAN[o].hint]
    delen = []
    if analyse.signalen:
        delen.append("<b>! Aandachtspunten</b><ul style='margin:2px 0'>"
                     + "".join(f"<li>{e(s)}</li>" for s in analyse.signalen) + "</ul>")
    if organen:
        delen.append("<b>ℹ Let op bij deze besluitvormers</b><ul style='margin:2px 0'>"
                     + "".join(f"<li><b>{e(o.naam)}:</b> {e(o.hint)}</li>" for o in organen) + "</ul>")
    return "".join(delen)
