"""Exercise 'Integrale strategieën afwegen': score every strategy per criterion on an explained 1–5 scale, then
the weighted ranking (overall and per party) and how robust the winner is.

Scoring only opens once the weights are fixed (the store enforces it too). No ranking is shown on incomplete
scores: a strategy with an empty cell would win or lose on a number nobody gave, so the page lists what is
missing instead (``mca.rangschik`` refuses with ``OnvolledigeScores``).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

import ipywidgets as w

from ..analysis.mca import (
    Gevoeligheid,
    OnvolledigeScores,
    Rangschikking,
    getal,
    gevoeligheid,
    procent,
    rangschik,
    rangschik_per_partij,
    verschillen_tussen_partijen,
)
from ..charts.mca import gevoeligheid_figuur, partijen_figuur, rangschikking_figuur
from ..content import Niveau
from ..dossier import GelijktijdigGewijzigd, InvoerFout, WerkboekFout
from ..dossier.afweging import MIN_STRATEGIEEN, Criterium, Strategie, Vastzetting
from .basis import BREED, Melding, e, figuur_html, tabel_html, veilig
from .context import WerkboekContext
from .kop import geen_dossier_html, toon_oefening

SLEUTEL_GEVOELIGHEID = "gevoeligheid"  # form with the last seed, so a rerun reproduces the draws
TREKKINGEN, SPREIDING = 10_000, 0.2
WEGING_TITEL = "Criteria bepalen voor keuze van energiesysteem"


@dataclass
class Stand:
    """Everything the ranking needs, read from the store in one go. Keys for the analysis are strings:
    criteria by ``str(id)``, strategies and parties by name (unique within a dossier)."""

    criteria: list[Criterium]
    strategieen: list[Strategie]
    vastzetting: Vastzetting | None
    scores: dict[int, dict[int, tuple[int, str]]]
    namen: dict[str, str] = field(default_factory=dict)
    gewichten: dict[str, float] = field(default_factory=dict)
    per_partij: dict[str, dict[str, float]] = field(default_factory=dict)
    tabel: dict[str, dict[str, int | None]] = field(default_factory=dict)
    rangschikking: Rangschikking | None = None
    reden: str = ""  # why there is no ranking (Dutch), empty when there is one
    onvolledig: bool = False

    def sleutel(self) -> tuple:
        """Changes exactly when the ranking's inputs change (to skip redrawing the same charts)."""
        return (tuple((s, tuple(sorted(r.items()))) for s, r in self.tabel.items()),
                tuple(sorted(self.gewichten.items())),
                tuple((p, tuple(sorted(v.items()))) for p, v in self.per_partij.items()))


def lees_stand(store, dossier_id: str) -> Stand:
    """Read criteria, strategies, the fixed weights and the scores, and rank when that is allowed and complete."""
    stand = Stand(store.criteria(dossier_id), store.strategieen(dossier_id), store.vastzetting(dossier_id),
                  store.scores(dossier_id))
    stand.namen = {str(c.id): c.naam for c in stand.criteria}
    stand.tabel = {s.naam: {str(c.id): stand.scores.get(s.id, {}).get(c.id, (None, ""))[0] for c in stand.criteria}
                   for s in stand.strategieen}
    vast = stand.vastzetting
    if vast is None:
        stand.reden = (f"De weging is nog niet vastgezet. Zet haar eerst vast bij '{WEGING_TITEL}' (fase 3); "
                       "daarna kun je hier scoren en rangschikken.")
        return stand
    stand.gewichten = {str(c): g for c, g in vast.gewichten.items()}
    stand.per_partij = {vast.partijen.get(p, f"partij {p}"): {str(c): v for c, v in punten.items()}
                        for p, punten in vast.punten.items()}
    if len(stand.strategieen) < MIN_STRATEGIEEN:
        stand.reden = (f"Voor een rangschikking zijn minstens {MIN_STRATEGIEEN} strategieën nodig; dit dossier heeft "
                       f"er {len(stand.strategieen)}. Stel ze samen bij 'Warmtestrategieën verkennen' (fase 3).")
        return stand
    try:
        stand.rangschikking = rangschik(stand.tabel, stand.gewichten, namen=stand.namen)
    except OnvolledigeScores as fout:
        stand.reden, stand.onvolledig = str(fout), True
    except InvoerFout as fout:
        stand.reden = str(fout)
    return stand


def niveaus_van(criterium: Criterium, inhoud) -> tuple[Niveau, ...]:
    """The criterion's own explained levels when it comes from the catalogue, else the generic scale."""
    fase34 = inhoud.fase34
    if fase34 is None:
        return tuple(Niveau(i, str(i), "") for i in range(1, 6))
    eigen = fase34.criterium(criterium.catalogus_id) if criterium.catalogus_id else None
    return eigen.niveaus if eigen is not None and eigen.niveaus else fase34.schaal


def volledigheid_html(stand: Stand) -> str:
    """Strategy × criterion: the score or '–' (not scored yet), plus how many are done per strategy."""
    if not stand.strategieen or not stand.criteria:
        return ""
    koppen = ["Strategie", *(c.naam for c in stand.criteria), "Gescoord"]
    rijen = []
    for s in stand.strategieen:
        cellen = [stand.tabel[s.naam][str(c.id)] for c in stand.criteria]
        klaar = sum(x is not None for x in cellen)
        rijen.append([s.naam, *("–" if x is None else str(x) for x in cellen),
                      f"{klaar} van {len(cellen)}" + (" ✔" if klaar == len(cellen) else "")])
    return ("<div class='wk-bron'>Stand van het scoren ('–' = nog niet gescoord):</div>"
            + tabel_html(koppen, rijen, "wk-afweging-volledigheid"))


class AfwegingOefening(w.VBox):
    """Scoring per strategy (one Dropdown per criterion with the criterion's own level texts, plus a
    toelichting), the completeness table, the ranking overall and per party, and the sensitivity check."""

    def __init__(self, context: WerkboekContext):
        super().__init__()
        self.add_class("wk-oefening-afweging")
        self.context = context
        self._melding = Melding()
        self._laden = False
        self._stand: Stand | None = None
        self._getekend: tuple | None = None  # inputs of the charts now shown
        self._gevoelig_voor: tuple | None = None  # inputs of the sensitivity result now shown
        self._rijen: dict[int, tuple[w.Dropdown, w.Text, w.HTML]] = {}
        fase34 = context.inhoud.fase34

        self._niet_vast = w.HTML()
        self._niet_vast.add_class("wk-afweging-niet-vastgezet")
        self._strategie = w.Dropdown(description="Strategie om te scoren", style=BREED, layout=w.Layout(width="620px"))
        self._strategie.add_class("wk-afweging-strategie")
        self._strategie_info = w.HTML()
        self._score_rijen = w.VBox()
        self._score_rijen.add_class("wk-afweging-scores")
        self._volledigheid = w.HTML()
        self._volledigheid.add_class("wk-afweging-volledigheid-vak")
        self._scoren = w.VBox([
            w.HTML(f"<p>{e(fase34.schaal_uitleg if fase34 else '')} Elke keuze wordt meteen opgeslagen.</p>"),
            self._strategie, self._strategie_info, self._score_rijen, self._volledigheid,
        ])
        self._rangschikking = w.HTML()
        self._rangschikking.add_class("wk-afweging-rangschikking")
        self._partijen = w.HTML()
        self._partijen.add_class("wk-afweging-partijen")
        self._gevoelig_knop = w.Button(description="Hoe stevig is de winnaar?", icon="random", button_style="info",
                                       layout=w.Layout(width="240px"))
        self._gevoelig_knop.add_class("wk-afweging-gevoeligheid-knop")
        self._nieuw_knop = w.Button(description="Opnieuw, met een nieuw startgetal", icon="refresh",
                                    layout=w.Layout(width="280px"))
        self._nieuw_knop.add_class("wk-afweging-nieuw-startgetal")
        self._seed_info = w.HTML()
        self._seed_info.add_class("wk-afweging-seed")
        self._gevoelig = w.HTML()
        self._gevoelig.add_class("wk-afweging-gevoeligheid")
        self._gevoelig_vak = w.VBox([
            w.HTML("<h4>Hoe stevig is de winnaar?</h4><p>Het werkboek laat de gewichten 10.000 keer een beetje "
                   "schommelen rond de afgesproken weging en telt hoe vaak elke strategie bovenaan staat. Het "
                   "rekent ook uit hoeveel gewicht je minimaal moet verschuiven voordat een andere strategie "
                   "gelijk komt.</p>"),
            w.HBox([self._gevoelig_knop, self._nieuw_knop]), self._seed_info, self._gevoelig,
        ])
        self._inhoud = w.VBox([
            self._niet_vast, self._scoren, self._melding,
            w.HTML("<h4>Rangschikking</h4>"), self._rangschikking, self._partijen, self._gevoelig_vak,
        ])
        self._geen_dossier = w.HTML(geen_dossier_html())
        self.children = [self._inhoud]
        self._strategie.observe(self._toon_strategie, names="value")
        self._gevoelig_knop.on_click(lambda _k: self._bereken_gevoeligheid(nieuw=False))
        self._nieuw_knop.on_click(lambda _k: self._bereken_gevoeligheid(nieuw=True))
        context.observe(self._herlaad, names=["dossier_id", "revisie"])
        self._herlaad()

    # -- loading --------------------------------------------------------------------------
    @veilig()
    def _herlaad(self, change=None) -> None:
        if not toon_oefening(self):
            return
        if change is not None and change["name"] == "dossier_id":
            self._melding.wis()
            self._getekend = self._gevoelig_voor = None
            self._gevoelig.value = ""
        stand = self._stand = lees_stand(self.context.store, self.context.dossier_id)
        vast = stand.vastzetting is not None
        if not vast:
            fase3 = next((f for f in self.context.inhoud.fasen if f.nummer == 3), None)
            link = (f" <a href='{e(fase3.notebook)}{e(self.context.url_parameter())}' class='wk-afweging-naar-weging'>"
                    f"Naar fase 3: {e(fase3.naam)}</a>") if fase3 is not None and fase3.notebook else ""
            self._niet_vast.value = (f"<div class='wk-melding wk-melding-info' role='status'>ℹ {e(stand.reden)}"
                                     f"{link}</div>")
        elif not stand.criteria:
            self._niet_vast.value = "<p>Er zijn geen criteria om op te scoren.</p>"
        elif not stand.strategieen:
            self._niet_vast.value = ("<div class='wk-melding wk-melding-info' role='status'>ℹ Er zijn nog geen "
                                     "strategieën om te scoren. Stel ze samen bij 'Warmtestrategieën verkennen' "
                                     "(fase 3).</div>")
        else:
            self._niet_vast.value = ""
        self._scoren.layout.display = "flex" if vast and stand.criteria and stand.strategieen else "none"
        self._gevoelig_vak.layout.display = "flex" if stand.rangschikking is not None else "none"
        self._laden = True
        try:
            gekozen = self._strategie.value
            ids = [s.id for s in stand.strategieen]
            self._strategie.options = [(s.naam, s.id) for s in stand.strategieen]
            self._strategie.value = gekozen if gekozen in ids else (ids[0] if ids else None)
            if list(self._rijen) != [c.id for c in stand.criteria]:
                self._maak_rijen(stand.criteria)
            self._vul_scores()
        finally:
            self._laden = False
        self._volledigheid.value = volledigheid_html(stand)
        self._toon_rangschikking(stand)
        self._toon_seed()

    def _maak_rijen(self, criteria: list[Criterium]) -> None:
        self._rijen = {}
        vakken = []
        for criterium in criteria:
            niveaus = niveaus_van(criterium, self.context.inhoud)
            keuze = w.Dropdown(description=criterium.naam, style=BREED, layout=w.Layout(width="430px"),
                               options=[("– nog niet gescoord –", None)]
                               + [(f"{n.waarde} · {n.label}", n.waarde) for n in niveaus], value=None)
            keuze.add_class("wk-afweging-score")
            toelichting = w.Text(description="Toelichting", placeholder="waarom deze score? (optioneel)",
                                 continuous_update=False, layout=w.Layout(width="380px"))
            toelichting.add_class("wk-afweging-toelichting")
            uitleg = w.HTML()
            keuze.observe(self._score_handler(criterium), names="value")
            toelichting.observe(self._toelichting_handler(criterium), names="value")
            self._rijen[criterium.id] = (keuze, toelichting, uitleg)
            vakken.append(w.VBox([w.HBox([keuze, toelichting]), uitleg], layout=w.Layout(margin="0 0 4px 0")))
        self._score_rijen.children = vakken

    def _vul_scores(self) -> None:
        """Show the chosen strategy's saved scores (called with ``_laden`` set, so nothing is saved again)."""
        stand = self._stand
        strategie = self._gekozen_strategie()
        scores = stand.scores.get(strategie.id, {}) if strategie else {}
        for criterium in stand.criteria:
            keuze, toelichting, uitleg = self._rijen[criterium.id]
            score, tekst = scores.get(criterium.id, (None, ""))
            keuze.value, toelichting.value = score, tekst
            keuze.disabled = toelichting.disabled = stand.vastzetting is None or strategie is None
            uitleg.value = self._uitleg_html(criterium, score)
        if strategie is None:
            self._strategie_info.value = ""
            return
        fase34 = self.context.inhoud.fase34
        warmte = fase34.strategie(strategie.warmtestrategie) if fase34 else None
        delen = [f"<b>Warmtestrategie:</b> {e(strategie.warmtestrategie)}"
                 + (f" · {e(warmte.naam)} — {e(warmte.kort)}" if warmte else "")]
        if strategie.fasering:
            delen.append(f"<b>Fasering:</b> {e(strategie.fasering)}")
        if strategie.omschrijving:
            delen.append(e(strategie.omschrijving))
        self._strategie_info.value = "<div class='wk-bron'>" + "<br>".join(delen) + "</div>"

    def _uitleg_html(self, criterium: Criterium, score: int | None) -> str:
        niveau = next((n for n in niveaus_van(criterium, self.context.inhoud) if n.waarde == score), None)
        if niveau is None or not niveau.uitleg:
            return ""
        return f"<div class='wk-bron' style='margin-left: 178px'>{score}: {e(niveau.uitleg)}</div>"

    def _gekozen_strategie(self) -> Strategie | None:
        stand = self._stand
        return next((s for s in stand.strategieen if s.id == self._strategie.value), None) if stand else None

    @veilig()
    def _toon_strategie(self, _change=None) -> None:
        if self._laden or self._stand is None:
            return
        self._laden = True
        try:
            self._vul_scores()
        finally:
            self._laden = False

    # -- saving scores --------------------------------------------------------------------
    def _score_handler(self, criterium: Criterium):
        @veilig()
        def handler(oefening, change):
            if oefening._laden:
                return
            oefening._bewaar_score(criterium, change["new"], change["old"])

        return lambda change: handler(self, change)

    def _toelichting_handler(self, criterium: Criterium):
        @veilig()
        def handler(oefening, change):
            if oefening._laden:
                return
            keuze = oefening._rijen[criterium.id][0]
            if keuze.value is None:
                if change["new"].strip():
                    raise InvoerFout(f"Kies eerst een score bij '{criterium.naam}'; de toelichting hoort bij een "
                                     "score en is nog niet opgeslagen.")
                return
            oefening._bewaar_score(criterium, keuze.value, keuze.value)

        return lambda change: handler(self, change)

    def _bewaar_score(self, criterium: Criterium, score: int | None, oud: int | None) -> None:
        strategie = self._gekozen_strategie()
        if strategie is None:
            raise InvoerFout("Kies eerst de strategie die je scoort.")
        keuze, toelichting, uitleg = self._rijen[criterium.id]
        try:
            self.context.store.zet_score(self.context.dossier_id, strategie.id, criterium.id, score,
                                         toelichting.value if score is not None else "")
        except WerkboekFout:
            self._laden = True
            try:
                keuze.value = oud  # show what is really saved
            finally:
                self._laden = False
            raise
        uitleg.value = self._uitleg_html(criterium, score)
        if score is None:
            self._melding.ok(f"De score van {strategie.naam} op '{criterium.naam}' is weggehaald.")
        else:
            self._melding.ok(f"{strategie.naam} op '{criterium.naam}': score {score} opgeslagen.")
        self.context.gewijzigd()

    # -- ranking --------------------------------------------------------------------------
    def _gaswaarschuwing(self, stand: Stand, r) -> str:
        """A winner on duurzaam gas (S4/S5) gets the ECW caution next to the ranking, not only on its card."""
        fase34 = self.context.inhoud.fase34
        if fase34 is None:
            return ""
        gas = {s.id for s in fase34.strategieen if s.duurzaam_gas}
        op_gas = [s.naam for s in stand.strategieen if s.naam in r.winnaars and s.warmtestrategie in gas]
        if not op_gas:
            return ""
        return ("<div class='wk-melding wk-melding-info' role='note'>⚠ <b>Let op:</b> "
                f"{e(', '.join(op_gas))} rekent op duurzaam gas. {e(fase34.waarschuwing_duurzaam_gas)} "
                f"<span class='wk-bron'>(bron: {e(fase34.bron_waarschuwing)})</span></div>")

    def _toon_rangschikking(self, stand: Stand) -> None:
        sleutel = (stand.sleutel(), stand.reden)
        if sleutel == self._getekend:
            return  # nothing changed that the charts show
        self._getekend = sleutel
        if self._gevoelig_voor is not None and self._gevoelig_voor != stand.sleutel():
            self._gevoelig.value = ""  # the result belonged to other scores or weights
            self._gevoelig_voor = None
        r = stand.rangschikking
        if r is None:
            if stand.onvolledig:
                self._rangschikking.value = (
                    "<div class='wk-melding wk-melding-info wk-afweging-onvolledig' role='status'>"
                    f"ℹ <b>Onvolledig</b> — {e(stand.reden)}</div>")
            elif stand.vastzetting is not None:
                self._rangschikking.value = f"<p class='wk-afweging-geen-rangschikking'>{e(stand.reden)}</p>"
            else:
                self._rangschikking.value = "<p><i>Nog geen rangschikking: de weging is niet vastgezet.</i></p>"
            self._partijen.value = ""
            return
        plaatsen = "".join(f"<li>{r.rang[s]}. {e(s)} — gewogen score {getal(round(r.totaal[s], 2), 2)}</li>"
                           for s in r.volgorde)
        self._rangschikking.value = (
            f"<p><b>{e(r.samenvatting())}</b></p><ol style='list-style: none; padding-left: 0'>{plaatsen}</ol>"
            + self._gaswaarschuwing(stand, r)
            + figuur_html(rangschikking_figuur(r), "Gestapelde staven: de gewogen score per strategie, opgebouwd "
                                                  "uit gewicht maal score per criterium. " + r.samenvatting())
        )
        if not stand.per_partij:
            self._partijen.value = ("<p><i>Bij de vastzetting had geen partij eigen punten; geen volgorde per "
                                    "partij.</i></p>")
            return
        try:
            per_partij = rangschik_per_partij(stand.tabel, stand.per_partij, namen=stand.namen)
        except InvoerFout as fout:
            self._partijen.value = f"<p>De volgorde per partij lukt niet: {e(str(fout))}</p>"
            return
        zinnen = verschillen_tussen_partijen(per_partij, r)
        self._partijen.value = (
            "<h4>Volgorde per partij</h4><p>Met de eigen punten van elke partij, zoals vastgezet:</p><ul>"
            + "".join(f"<li>{e(z)}</li>" for z in zinnen) + "</ul>"
            + figuur_html(partijen_figuur(per_partij, r), "Lijndiagram: de plaats van elke strategie per partij. "
                          + " ".join(zinnen))
        )

    # -- sensitivity ----------------------------------------------------------------------
    def _opgeslagen_seed(self) -> tuple[int | None, int]:
        gegevens, versie = self.context.store.formulier(self.context.dossier_id, SLEUTEL_GEVOELIGHEID)
        seed = gegevens.get("seed")
        return (seed if isinstance(seed, int) and not isinstance(seed, bool) and seed >= 0 else None), versie

    def _toon_seed(self) -> None:
        seed, _versie = self._opgeslagen_seed()
        self._seed_info.value = (
            f"<div class='wk-bron'>Laatste berekening: startgetal (seed) {seed}. 'Hoe stevig is de winnaar?' "
            "herhaalt die berekening precies.</div>" if seed is not None else "")

    @veilig()
    def _bereken_gevoeligheid(self, *, nieuw: bool) -> None:
        stand = lees_stand(self.context.store, self.context.dossier_id)
        if stand.rangschikking is None:
            raise InvoerFout(stand.reden)
        seed, versie = self._opgeslagen_seed()
        uitkomst = gevoeligheid(stand.tabel, stand.gewichten, n=TREKKINGEN, spreiding=SPREIDING,
                                seed=None if nieuw else seed, per_partij=stand.per_partij, namen=stand.namen)
        if uitkomst.seed != seed:
            # a colleague storing a seed at the same moment wins; this result still shows its own seed
            with contextlib.suppress(GelijktijdigGewijzigd):
                self.context.store.bewaar_formulier(self.context.dossier_id, SLEUTEL_GEVOELIGHEID,
                                                    {"seed": uitkomst.seed}, versie)
        self._gevoelig.value = gevoeligheid_html(uitkomst)
        self._gevoelig_voor = stand.sleutel()
        self._melding.ok(f"Gevoeligheid berekend: de uitkomst is {uitkomst.oordeel}.")
        self.context.gewijzigd()


def gevoeligheid_html(uitkomst: Gevoeligheid) -> str:
    """The verdict, the sentences (user text escaped), the winners per party, the chart and the seed."""
    trekkingen = f"{uitkomst.n:,}".replace(",", ".")
    zinnen = uitkomst.samenvatting()
    per_partij = "".join(
        f"<li>{e(p)}: {e(' en '.join(winnaars))}</li>" for p, winnaars in uitkomst.per_partij.items())
    per_partij = f"<p>Winnaar met de eigen gewichten van elke partij:</p><ul>{per_partij}</ul>" if per_partij else ""
    return (
        f"<p class='wk-afweging-oordeel'><b>Oordeel: {e(uitkomst.oordeel)}</b></p>"
        + "".join(f"<p>{e(z)}</p>" for z in zinnen) + per_partij
        + figuur_html(gevoeligheid_figuur(uitkomst), "Staafdiagram: hoe vaak elke strategie bovenaan staat als de "
                      "gewichten schommelen. " + " ".join(zinnen))
        + f"<p class='wk-bron wk-afweging-herhaalbaar'>Herhaalbaar met startgetal (seed) {uitkomst.seed}, "
          f"{trekkingen} trekkingen, spreiding {procent(uitkomst.spreiding)}.</p>"
    )
