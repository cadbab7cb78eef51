"""Exercise 'Integrale strategieën afwegen': score every strategy per criterion on an explained 1–5 scale, then
the weighted ranking (overall and per party) and how robust the winner is.

Scoring only opens once the weights are fixed (the store enforces it too). No ranking is shown on incomplete
scores: a strategy with an empty cell would win or lose on a number nobody gave, so the page lists what is
missing instead (``mca.rangschik`` refuses with ``OnvolledigeScores``).

The state lives in ``AfwegingModel`` (``afweging_model.py``), the ranking and its sentences in
``leesmodel.afweging`` (the Word report says the same); this module shows it in three parts: scoring, the
ranking and the sensitivity check.
"""

from __future__ import annotations

import ipywidgets as w
import traitlets

from ..analysis.mca import Gevoeligheid
from ..charts.mca import gevoeligheid_figuur, partijen_figuur, rangschikking_figuur
from ..dossier.model import InvoerFout, WerkboekFout
from ..leesmodel.afweging import Stand, gevoeligheid_alt, herhaalbaar_tekst, plaatsen, rangschikking_alt
from .afweging_model import AfwegingModel
from .basis import BREED, e, figuur_html, knop, tabel_html, veilig
from .context import WerkboekContext
from .oefening import Deel, Oefening


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


def gevoeligheid_html(uitkomst: Gevoeligheid) -> str:
    """The verdict, the sentences (user text escaped), the winners per party, the chart and the seed."""
    zinnen = uitkomst.samenvatting()
    per_partij = "".join(
        f"<li>{e(p)}: {e(' en '.join(winnaars))}</li>" for p, winnaars in uitkomst.per_partij.items())
    per_partij = f"<p>Winnaar met de eigen gewichten van elke partij:</p><ul>{per_partij}</ul>" if per_partij else ""
    return (
        f"<p class='wk-afweging-oordeel'><b>Oordeel: {e(uitkomst.oordeel)}</b></p>"
        + "".join(f"<p>{e(z)}</p>" for z in zinnen) + per_partij
        + figuur_html(gevoeligheid_figuur(uitkomst), gevoeligheid_alt(uitkomst))
        + f"<p class='wk-bron wk-afweging-herhaalbaar'>{e(herhaalbaar_tekst(uitkomst))}</p>"
    )


class ScoreRij(w.VBox):
    """One criterion of the chosen strategy: the score (with the criterion's own level texts), a toelichting,
    and what the chosen level means."""

    def __init__(self, model: AfwegingModel, criterium):
        self.criterium = criterium
        self.model = model
        self.score = w.Dropdown(description=criterium.naam, style=BREED, layout=w.Layout(width="430px"),
                                options=[("– nog niet gescoord –", None)]
                                + [(f"{n.waarde} · {n.label}", n.waarde) for n in self.model.niveaus(criterium)],
                                value=None)
        self.score.add_class("wk-afweging-score")
        self.toelichting = w.Text(description="Toelichting", placeholder="waarom deze score? (optioneel)",
                                  continuous_update=False, layout=w.Layout(width="380px"))
        self.toelichting.add_class("wk-afweging-toelichting")
        self.uitleg = w.HTML()
        super().__init__([w.HBox([self.score, self.toelichting]), self.uitleg], layout=w.Layout(margin="0 0 4px 0"))
        self.add_class("wk-afweging-rij")
        self.add_class(f"wk-afweging-rij-{criterium.id}")

    def toon_uitleg(self, score: int | None) -> None:
        niveau = next((n for n in self.model.niveaus(self.criterium) if n.waarde == score), None)
        self.uitleg.value = "" if niveau is None or not niveau.uitleg else (
            f"<div class='wk-bron' style='margin-left: 178px'>{score}: {e(niveau.uitleg)}</div>")


class ScoreDeel(Deel):
    """Scoring: choose a strategy, give a score per criterion (saved at once), and how far scoring is."""

    def __init__(self, oefening: AfwegingOefening):
        fase34 = oefening.context.inhoud.fase34
        self._strategie = w.Dropdown(description="Strategie om te scoren", style=BREED, layout=w.Layout(width="620px"))
        self._strategie.add_class("wk-afweging-strategie")
        self._info = w.HTML()
        self._rijen_vak = w.VBox()
        self._rijen_vak.add_class("wk-afweging-scores")
        self._rijen: dict[int, ScoreRij] = {}
        self._volledigheid = w.HTML()
        self._volledigheid.add_class("wk-afweging-volledigheid-vak")
        super().__init__(oefening, [
            w.HTML(f"<p>{e(fase34.schaal_uitleg if fase34 else '')} Elke keuze wordt meteen opgeslagen.</p>"),
            self._strategie, self._info, self._rijen_vak, self._volledigheid,
        ])
        self.add_class("wk-afweging-scoren")
        oefening.bij_wijziging(self._strategie, self._kies_strategie)

    def ververs(self) -> None:
        stand = self.model.stand
        self.oefening.toon(self._strategie, self.model.strategie_id,
                           opties=[(s.naam, s.id) for s in stand.strategieen])
        if list(self._rijen) != [c.id for c in stand.criteria]:
            self._rijen = {c.id: self._rij(c) for c in stand.criteria}
            self._rijen_vak.children = list(self._rijen.values())
        self._vul_scores()
        self._volledigheid.value = volledigheid_html(stand)

    def _rij(self, criterium) -> ScoreRij:
        rij = ScoreRij(self.model, criterium)
        self.oefening.bij_wijziging(rij.score, lambda score: self._bewaar(rij, score))
        self.oefening.bij_wijziging(rij.toelichting, lambda tekst: self._bewaar_toelichting(rij, tekst))
        return rij

    def _kies_strategie(self, strategie_id) -> None:
        self.model.strategie_id = strategie_id
        self._vul_scores()

    def _vul_scores(self) -> None:
        """Show the chosen strategy's saved scores and what it is."""
        strategie = self.model.strategie
        for criterium_id, rij in self._rijen.items():
            score, tekst = self.model.opgeslagen(criterium_id)
            self.oefening.toon(rij.score, score)
            self.oefening.toon(rij.toelichting, tekst)
            rij.score.disabled = rij.toelichting.disabled = self.model.stand.vastzetting is None or strategie is None
            rij.toon_uitleg(score)
        if strategie is None:
            self._info.value = ""
            return
        fase34 = self.oefening.context.inhoud.fase34
        warmte = fase34.strategie(strategie.warmtestrategie) if fase34 else None
        delen = [f"<b>Warmtestrategie:</b> {e(strategie.warmtestrategie)}"
                 + (f" · {e(warmte.naam)} — {e(warmte.kort)}" if warmte else "")]
        if strategie.fasering:
            delen.append(f"<b>Fasering:</b> {e(strategie.fasering)}")
        if strategie.omschrijving:
            delen.append(e(strategie.omschrijving))
        self._info.value = "<div class='wk-bron'>" + "<br>".join(delen) + "</div>"

    def _bewaar(self, rij: ScoreRij, score: int | None) -> None:
        try:
            tekst = self.model.zet_score(rij.criterium, score, rij.toelichting.value)
        except WerkboekFout:
            self.oefening.toon(rij.score, self.model.opgeslagen(rij.criterium.id)[0])  # show what is really saved
            raise
        rij.toon_uitleg(score)
        self.oefening.bewaard(tekst)

    def _bewaar_toelichting(self, rij: ScoreRij, tekst: str) -> None:
        if rij.score.value is None:
            if tekst.strip():
                raise InvoerFout(f"Kies eerst een score bij '{rij.criterium.naam}'; de toelichting hoort bij een "
                                 "score en is nog niet opgeslagen.")
            return
        self._bewaar(rij, rij.score.value)


class RangschikkingDeel(Deel):
    """The weighted ranking with its chart (or why there is none), and the order per party."""

    def __init__(self, oefening: AfwegingOefening):
        self._rangschikking = w.HTML()
        self._rangschikking.add_class("wk-afweging-rangschikking")
        self._partijen = w.HTML()
        self._partijen.add_class("wk-afweging-partijen")
        super().__init__(oefening, [self._rangschikking, self._partijen])
        self._getekend: tuple | None = None  # inputs of the charts now shown

    def ververs(self, dossier_gewisseld: bool) -> None:
        stand = self.model.stand
        sleutel = (stand.sleutel(), stand.reden)
        if sleutel == self._getekend and not dossier_gewisseld:
            return  # nothing changed that the charts show
        self._getekend = sleutel
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
        self._rangschikking.value = (
            f"<p><b>{e(r.samenvatting())}</b></p><ol style='list-style: none; padding-left: 0'>"
            + "".join(f"<li>{e(regel)}</li>" for regel in plaatsen(r)) + "</ol>"
            + self._gaswaarschuwing() + figuur_html(rangschikking_figuur(r), rangschikking_alt(r))
        )
        volgorde = self.model.volgorde_per_partij()
        if volgorde is None:
            self._partijen.value = ("<p><i>Bij de vastzetting had geen partij eigen punten; geen volgorde per "
                                    "partij.</i></p>")
        elif volgorde.fout:
            self._partijen.value = f"<p>{e(volgorde.fout)}</p>"
        else:
            self._partijen.value = (
                "<h4>Volgorde per partij</h4><p>Met de eigen punten van elke partij, zoals vastgezet:</p><ul>"
                + "".join(f"<li>{e(z)}</li>" for z in volgorde.zinnen) + "</ul>"
                + figuur_html(partijen_figuur(volgorde.per_partij, r), volgorde.alt)
            )

    def _gaswaarschuwing(self) -> str:
        """A winner on duurzaam gas (S4/S5) gets the ECW caution next to the ranking, not only on its card."""
        op_gas = self.model.op_duurzaam_gas()
        if not op_gas:
            return ""
        fase34 = self.oefening.context.inhoud.fase34
        return ("<div class='wk-melding wk-melding-info' role='note'>⚠ <b>Let op:</b> "
                f"{e(', '.join(op_gas))} rekent op duurzaam gas. {e(fase34.waarschuwing_duurzaam_gas)} "
                f"<span class='wk-bron'>(bron: {e(fase34.bron_waarschuwing)})</span></div>")


class GevoeligheidDeel(Deel):
    """'Hoe stevig is de winnaar?': the check with the stored seed or a new one, and its outcome."""

    def __init__(self, oefening: AfwegingOefening):
        model = oefening.model
        self._knop = knop("Hoe stevig is de winnaar?", "wk-afweging-gevoeligheid-knop", icon="random",
                          button_style="info", layout=w.Layout(width="240px"))
        self._nieuw_knop = knop("Opnieuw, met een nieuw startgetal", "wk-afweging-nieuw-startgetal", icon="refresh",
                                layout=w.Layout(width="280px"))
        self._seed = w.HTML()
        self._seed.add_class("wk-afweging-seed")
        self._uitkomst = w.HTML()
        self._uitkomst.add_class("wk-afweging-gevoeligheid")
        super().__init__(oefening, [
            w.HTML("<h4>Hoe stevig is de winnaar?</h4><p>Het werkboek laat de gewichten 10.000 keer een beetje "
                   "schommelen rond de afgesproken weging en telt hoe vaak elke strategie bovenaan staat. Het "
                   "rekent ook uit hoeveel gewicht je minimaal moet verschuiven voordat een andere strategie "
                   "gelijk komt.</p>"),
            w.HBox([self._knop, self._nieuw_knop]), self._seed, self._uitkomst,
        ])
        self.add_class("wk-afweging-gevoeligheid-vak")
        traitlets.dlink((model, "seed"), (self._seed, "value"), lambda seed: (
            f"<div class='wk-bron'>Laatste berekening: startgetal (seed) {seed}. 'Hoe stevig is de winnaar?' "
            "herhaalt die berekening precies.</div>" if seed is not None else ""))
        traitlets.dlink((model, "gevoeligheid"), (self._uitkomst, "value"),
                        lambda uitkomst: gevoeligheid_html(uitkomst) if uitkomst is not None else "")
        self._knop.on_click(lambda _k: self._bereken(nieuw=False))
        self._nieuw_knop.on_click(lambda _k: self._bereken(nieuw=True))

    @veilig()
    def _bereken(self, *, nieuw: bool) -> None:
        self.oefening.bewaard(self.model.bereken_gevoeligheid(nieuw=nieuw))


class AfwegingOefening(Oefening):
    """Scoring per strategy (one Dropdown per criterion with the criterion's own level texts, plus a
    toelichting), the completeness table, the ranking overall and per party, and the sensitivity check."""

    KLASSE = "wk-oefening-afweging"

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        self.model = AfwegingModel(context.inhoud)
        self._niet_vast = w.HTML()
        self._niet_vast.add_class("wk-afweging-niet-vastgezet")
        self._scoren = ScoreDeel(self)
        self._rangschikking = RangschikkingDeel(self)
        self._gevoeligheid = GevoeligheidDeel(self)
        self.inhoud.children = [self._niet_vast, self._scoren, self._melding, w.HTML("<h4>Rangschikking</h4>"),
                                self._rangschikking, self._gevoeligheid]
        self.start()

    def laad(self, dossier_gewisseld: bool) -> None:
        if dossier_gewisseld:
            self._melding.wis()
        self.model.lees(self.context.store, self.context.dossier_id, dossier_gewisseld=dossier_gewisseld)
        stand = self.model.stand
        self._niet_vast.value = self._niet_vast_html(stand)
        vast = stand.vastzetting is not None
        self._scoren.layout.display = "flex" if vast and stand.criteria and stand.strategieen else "none"
        self._gevoeligheid.layout.display = "flex" if stand.rangschikking is not None else "none"
        self._scoren.ververs()
        self._rangschikking.ververs(dossier_gewisseld)

    def _niet_vast_html(self, stand: Stand) -> str:
        if stand.vastzetting is None:
            fase3 = next((f for f in self.context.inhoud.fasen if f.nummer == 3), None)
            link = (f" <a href='{e(fase3.notebook)}{e(self.context.url_parameter())}' class='wk-afweging-naar-weging'>"
                    f"Naar fase 3: {e(fase3.naam)}</a>") if fase3 is not None and fase3.notebook else ""
            return f"<div class='wk-melding wk-melding-info' role='status'>ℹ {e(stand.reden)}{link}</div>"
        if not stand.criteria:
            return "<p>Er zijn geen criteria om op te scoren.</p>"
        if not stand.strategieen:
            return ("<div class='wk-melding wk-melding-info' role='status'>ℹ Er zijn nog geen strategieën om te "
                    "scoren. Stel ze samen bij 'Warmtestrategieën verkennen' (fase 3).</div>")
        return ""
