"""Exercise 'Warmtestrategieën' (phase 3): the five PBL strategies S1–S5 as compact cards with figures
from the wijkprofiel that may bear on them, and the dossier's integrated strategies (a heat strategy +
chosen koppelkansen + phasing), of which phase 4 needs 2 to 6.

One Dropdown picks a strategy to edit (or '— nieuwe strategie —'); the list is an HTML table. The store
has no field for the start year, so it is kept at the front of the phasing text ('Start 2028. …') and
read back from there; a strategy on duurzaam gas (S4, S5) that starts before 2030 is allowed, but the
page warns, because that gas is scarce until then.
"""

from __future__ import annotations

from datetime import date

import ipywidgets as w

from ..analysis.warmtestrategieen import (
    BRON_HINTS,
    DUURZAAM_GAS_JAAR,
    duurzaam_gas_te_vroeg,
    fasering_met_startjaar,
    hints_voor_strategieen,
    startjaar_uit_fasering,
    status_strategieen,
)
from ..analysis.wijkprofiel import opmaak
from ..dossier import GelijktijdigGewijzigd
from ..dossier.records import Koppelkans, Strategie, StrategieInvoer
from ..leesmodel.warmtestrategieen import KOPPEN, strategie_rij
from ..leesmodel.wijkprofiel import profiel_van_dossier
from .basis import BREED, Bevestiging, e, knop, veilig, zet_keuze
from .context import WerkboekContext
from .oefening import Oefening

_BREED_VELD = w.Layout(width="720px")
_RICHTING = {"hoger": "▲ hoger dan {ref}", "lager": "▼ lager dan {ref}"}
JAAR_MIN, JAAR_MAX = 2020, 2060


def gaswaarschuwing_html(fase34, klasse: str = "wk-strategie-gaswaarschuwing") -> str:
    return (f"<div class='wk-melding wk-melding-fout {klasse}' role='note'>⚠ <b>Let op, vóór {DUURZAAM_GAS_JAAR}:</b> "
            f"{e(fase34.waarschuwing_duurzaam_gas)} "
            f"<span class='wk-bron'>(Bron: {e(fase34.bron_waarschuwing)})</span></div>")


def kaarten_html(fase34, hints: dict, profiel) -> str:
    """The five strategies as compact cards; hints from the wijkprofiel where a figure bears on them."""
    delen = []
    if profiel is None:
        delen.append("<div class='wk-bron'>ℹ Kies bij 'Wijkprofiel' (fase 2) een wijk; dan staan bij de strategieën "
                     "de cijfers die iets zeggen over waar ze vaak passen.</div>")
    for strategie in fase34.strategieen:
        past = "".join(f"<li>{e(t)}</li>" for t in strategie.past_vaak_bij)
        let_op = "".join(f"<li>{e(t)}</li>" for t in strategie.let_op)
        tips = ""
        if hints.get(strategie.id):
            regels = "".join(
                f"<li><b>{e(h.label)}</b> ({e(_RICHTING[h.richting].format(ref=h.vergeleken_met))}): {e(h.cijfers)}. "
                f"{e(h.duiding)}</li>" for h in hints[strategie.id])
            tips = (f"<div class='wk-strategie-hints'><b>Uit het wijkprofiel van {e(profiel.naam)}</b> "
                    f"<span class='wk-bron'>(een aanwijzing, geen oordeel: toets het per buurt)</span>"
                    f"<ul style='margin:2px 0'>{regels}</ul></div>")
        gas = gaswaarschuwing_html(fase34) if strategie.duurzaam_gas else ""
        delen.append(
            f"<div class='wk-strategie-kaart wk-strategie-{e(strategie.id.lower())}'>"
            f"<h4 style='margin:2px 0'>{e(strategie.id)} · {e(strategie.naam)}</h4><div>{e(strategie.kort)}</div>"
            f"{gas}<div class='wk-strategie-kolommen'><div><b>✓ Past vaak bij</b><ul>{past}</ul></div>"
            f"<div><b>! Let op</b><ul>{let_op}</ul></div></div>{tips}"
            f"<div class='wk-bron'>Bron: {e(strategie.bron)}</div></div>"
        )
    if profiel is not None:
        delen.append(f"<div class='wk-bron'>Cijfers uit het wijkprofiel ({e(profiel.bron)}); de duiding volgt "
                     f"{e(BRON_HINTS)}.</div>")
    return "".join(delen)


class WarmtestrategieenOefening(Oefening):
    """The five PBL strategies, and the dossier's integrated strategies: list, add, edit, delete."""

    KLASSE = "wk-oefening-strategieen"

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        self._fase34 = context.inhoud.fase34
        self._strategieen: list[Strategie] = []
        self._kansen: list[Koppelkans] = []
        self._in_velden: tuple | None = None  # (id, versie) of the strategy in the fields
        self._laatste_profiel: tuple | None = None

        self._kaarten = w.HTML()
        self._kaarten.add_class("wk-strategie-kaarten")
        self._status = w.HTML()
        self._status.add_class("wk-strategieen-status")
        self._lijst = w.HTML()
        self._lijst.add_class("wk-strategieen-lijst")
        self._kies = w.Dropdown(description="Strategie", style=BREED, layout=_BREED_VELD)
        self._kies.add_class("wk-strategieen-kies")
        self._naam = w.Text(description="Naam", style=BREED, layout=_BREED_VELD,
                            placeholder="bijv. Warmtenet Noord, warmtepompen Zuid")
        self._naam.add_class("wk-strategieen-naam")
        self._warmte = w.Dropdown(
            description="Warmtestrategie", style=BREED, layout=_BREED_VELD,
            options=[("– kies S1 tot en met S5 –", None)] + [(f"{s.id} · {s.naam}", s.id)
                                                              for s in self._fase34.strategieen])
        self._warmte.add_class("wk-strategieen-warmte")
        self._koppelkansen = w.SelectMultiple(description="Koppelkansen (Ctrl-klik)", rows=5, style=BREED,
                                              layout=_BREED_VELD)
        self._koppelkansen.add_class("wk-strategieen-koppelkansen")
        self._kansen_uitleg = w.HTML()
        self._kansen_uitleg.add_class("wk-strategieen-kansen-uitleg")
        self._fasering = w.Textarea(description="Fasering", style=BREED, layout=w.Layout(width="720px", height="56px"),
                                    placeholder="bijv. 2027–2030 Noordbuurt, daarna Zuidbuurt")
        self._fasering.add_class("wk-strategieen-fasering")
        self._startjaar = w.BoundedIntText(description="Startjaar", min=JAAR_MIN, max=JAAR_MAX,
                                           value=date.today().year + 1, style=BREED,
                                           layout=w.Layout(width="260px"))
        self._startjaar.add_class("wk-strategieen-startjaar")
        self._omschrijving = w.Textarea(description="Omschrijving", style=BREED,
                                        layout=w.Layout(width="720px", height="56px"),
                                        placeholder="Wat houdt deze strategie in, en waarom denken jullie dat ze past?")
        self._omschrijving.add_class("wk-strategieen-omschrijving")
        self._waarschuwing = w.HTML()
        self._waarschuwing.add_class("wk-strategieen-waarschuwing")
        self._opslaan = knop("Strategie toevoegen", "wk-strategieen-opslaan", button_style="primary", icon="check",
                             layout=w.Layout(width="220px"))
        self._verwijderen = knop("Verwijderen…", "wk-strategieen-verwijderen", icon="trash")
        self._bevestig = Bevestiging("wk-strategieen")

        self.inhoud.children = [
            w.HTML("<p>Het PBL onderscheidt in de Startanalyse aardgasvrije buurten vijf warmtestrategieën. Welke "
                   "past, hangt af van de woningen, de dichtheid en de bronnen in de buurt. Hieronder staan ze kort, "
                   "met cijfers uit jullie wijkprofiel waar die iets zeggen. Het werkboek kiest niet: dat doen jullie "
                   "in fase 4.</p>"),
            self._kaarten,
            w.HTML("<h4>Integrale strategieën van dit dossier</h4><p>Een integrale strategie is een "
                   "warmtestrategie plus de koppelkansen die jullie meenemen, met een fasering. Maak er een paar "
                   "die echt verschillen, zodat de afweging in fase 4 iets te kiezen heeft.</p>"),
            self._status, self._lijst, self._melding, self._kies, self._naam, self._warmte, self._kansen_uitleg,
            self._koppelkansen, self._fasering, self._startjaar, self._omschrijving, self._waarschuwing,
            w.HBox([self._opslaan, self._verwijderen]), self._bevestig,
        ]
        self.bij_wijziging(self._kies, self._gekozen_gewijzigd)
        self._warmte.observe(self._toon_waarschuwing, names="value")
        self._startjaar.observe(self._toon_waarschuwing, names="value")
        self._opslaan.on_click(self._bewaar)
        self._verwijderen.on_click(self._vraag_verwijderen)
        self._bevestig.ja.on_click(self._verwijder)
        self.start()

    # -- loading ------------------------------------------------------------------------------
    def laad(self, dossier_gewisseld: bool) -> None:
        if dossier_gewisseld:
            self._in_velden = None
            self._bevestig.verberg()
            self._melding.wis()
        store, dossier_id = self.context.store, self.context.dossier_id
        self._toon_kaarten()
        self._strategieen = store.strategieen(dossier_id)
        self._kansen = store.koppelkansen(dossier_id)
        genoeg, tekst = status_strategieen(len(self._strategieen))
        self._status.value = (f"<div class='wk-melding wk-melding-{'ok' if genoeg else 'info'}' role='status'>"
                              f"{'✔' if genoeg else '⚠'} {e(tekst)}</div>")
        self._lijst.value = lijst_html(self._strategieen, self._kansen, self._fase34)
        gekozen = self._kies.value
        self.toon(self._kies, gekozen if any(s.id == gekozen for s in self._strategieen) else None,
                  [("— nieuwe strategie —", None)] + [(s.naam, s.id) for s in self._strategieen])
        self._vul_formulier()

    def _toon_kaarten(self) -> None:
        profiel = profiel_van_dossier(self.context.store, self.context.dossier_id)
        sleutel = ("geen",) if profiel is None else (profiel.regiocode, profiel.bron, profiel.regels)
        if sleutel == self._laatste_profiel:
            return
        self._laatste_profiel = sleutel
        self._kaarten.value = kaarten_html(self._fase34, hints_voor_strategieen(profiel, opmaak), profiel)

    def _gekozen(self) -> Strategie | None:
        return next((s for s in self._strategieen if s.id == self._kies.value), None)

    def _kans_opties(self, strategie: Strategie | None) -> list[tuple[str, int]]:
        """The chosen koppelkansen, plus any the strategy holds that are no longer chosen (so an edit
        does not drop them silently)."""
        in_strategie = set(strategie.koppelkansen) if strategie else set()
        opties = []
        for kans in self._kansen:
            if kans.besluit == "gekozen":
                opties.append((kans.titel, kans.id))
            elif kans.id in in_strategie:
                opties.append((f"{kans.titel} (niet meer gekozen)", kans.id))
        return opties

    def _vul_formulier(self) -> None:
        """The chosen strategy in the fields; while it is unchanged in the store, what someone is typing stays."""
        strategie = self._gekozen()
        sleutel = None if strategie is None else (strategie.id, strategie.versie)
        opties = self._kans_opties(strategie)
        gekozen_kansen = sum(1 for k in self._kansen if k.besluit == "gekozen")
        self._kansen_uitleg.value = "" if gekozen_kansen else (
            "<div class='wk-bron'>ℹ Er zijn nog geen koppelkansen gekozen bij 'Strategieën voor koppelkansen'. Je "
            "kunt de strategie nu zonder koppelkansen opslaan en ze later toevoegen.</div>")
        self._opslaan.description = "Strategie toevoegen" if strategie is None else "Wijzigingen opslaan"
        self._verwijderen.disabled = strategie is None
        mogelijk = {i for _t, i in opties}
        if sleutel == self._in_velden:
            huidig = tuple(v for v in self._koppelkansen.value if v in mogelijk)
            self.toon(self._koppelkansen, huidig, opties)  # keep what the user is selecting
            return
        self._in_velden = sleutel
        if strategie is None:
            self._naam.value = self._fasering.value = self._omschrijving.value = ""
            zet_keuze(self._warmte, None)
            self.toon(self._koppelkansen, (), opties)
            self._startjaar.value = date.today().year + 1
        else:
            self._naam.value = strategie.naam
            self._warmte.value = strategie.warmtestrategie
            self.toon(self._koppelkansen, tuple(k for k in strategie.koppelkansen if k in mogelijk), opties)
            self._fasering.value = strategie.fasering
            jaar = startjaar_uit_fasering(strategie.fasering)
            if jaar is not None:
                self._startjaar.value = min(max(jaar, JAAR_MIN), JAAR_MAX)
            self._omschrijving.value = strategie.omschrijving
        self._toon_waarschuwing()

    def _gekozen_gewijzigd(self, _waarde) -> None:
        self._bevestig.verberg()
        self._vul_formulier()

    def _te_vroeg(self) -> bool:
        strategie = self._fase34.strategie(self._warmte.value) if self._warmte.value else None
        return strategie is not None and duurzaam_gas_te_vroeg(strategie.id, self._startjaar.value,
                                                               strategie.duurzaam_gas)

    @veilig()
    def _toon_waarschuwing(self, _change=None) -> None:
        self._waarschuwing.value = (
            gaswaarschuwing_html(self._fase34, "wk-strategieen-gas-te-vroeg")
            + f"<div class='wk-bron'>Deze strategie start in {self._startjaar.value}, vóór {DUURZAAM_GAS_JAAR}. "
              "Je kunt haar opslaan, maar reken niet op genoeg duurzaam gas.</div>"
            if self._te_vroeg() else "")

    # -- saving -------------------------------------------------------------------------------
    @veilig()
    def _bewaar(self, _knop=None) -> None:
        store, dossier_id = self.context.store, self.context.dossier_id
        invoer = StrategieInvoer(
            self._naam.value, self._warmte.value or "", tuple(self._koppelkansen.value),
            fasering_met_startjaar(self._fasering.value, self._startjaar.value), self._omschrijving.value)
        strategie = self._gekozen()
        te_vroeg = self._te_vroeg()
        try:
            if strategie is None:
                nieuw, wat = store.voeg_strategie_toe(dossier_id, invoer), "toegevoegd"
            else:
                nieuw, wat = store.wijzig_strategie(dossier_id, strategie.id, invoer, strategie.versie), "opgeslagen"
        except GelijktijdigGewijzigd:
            self._in_velden = None  # show the colleague's version
            self.laad(dossier_gewisseld=False)
            raise
        self._in_velden = None
        opties = list(self._kies.options) + ([(nieuw.naam, nieuw.id)] if strategie is None else [])
        self.toon(self._kies, nieuw.id, opties)  # the refresh after ``bewaard`` shows it as stored
        tekst = f"Strategie '{nieuw.naam}' is {wat}."
        if te_vroeg:
            tekst += (f" Let op: ze leunt op duurzaam gas en start vóór {DUURZAAM_GAS_JAAR}, als dat gas nog "
                      "schaars is.")
        self.bewaard(tekst)

    def _vraag_verwijderen(self, _knop=None) -> None:
        strategie = self._gekozen()
        if strategie is None:
            return
        self._bevestig.vraag(f"Weet je zeker dat je <b>{e(strategie.naam)}</b> wilt verwijderen? Scores "
                             "die er in fase 4 al aan gegeven zijn, gaan mee.")

    @veilig()
    def _verwijder(self, _knop=None) -> None:
        strategie = self._gekozen()
        self._bevestig.verberg()
        if strategie is None:
            return
        self.context.store.verwijder_strategie(self.context.dossier_id, strategie.id)
        self.bewaard(f"Strategie '{strategie.naam}' is verwijderd.")


def lijst_html(strategieen: list[Strategie], kansen: list[Koppelkans], fase34) -> str:
    if not strategieen:
        return "<p><i>Nog geen integrale strategieën in dit dossier.</i></p>"
    titels = {k.id: k.titel for k in kansen}
    rijen = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in strategie_rij(s, titels, fase34, "—")) + "</tr>"
                    for s in strategieen)
    koppen = "".join(f"<th scope='col'>{k}</th>" for k in KOPPEN)
    return (f"<table class='wk-tabel wk-strategieen-tabel'><thead><tr>{koppen}</tr></thead>"
            f"<tbody>{rijen}</tbody></table>")
