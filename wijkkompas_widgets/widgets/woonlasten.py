"""Exercise 'Woonlastentoets': per kind of household the monthly costs before and after the switch, judged
against a stated definition of woonlastenneutraal.

The amounts are estimates the team makes (or gets from the corporatie, the warmtebedrijf or an energy
adviser); the exercise only adds them up honestly: an unknown amount makes the verdict 'onbekend', never 0.
One form per dossier, saved per household type, so two people can fill in different households at once.
"""

from __future__ import annotations

import ipywidgets as w

from ..analysis.woonlasten import bedrag_als_tekst, bedrag_uit_tekst, euro, toetsen_per_huishouden
from ..charts.woonlasten import woonlasten_figuur
from ..dossier import InvoerFout, formulieren
from ..leesmodel.woonlasten import oordeel_tekst, woonlasten_alt
from .basis import BREED, e, figuur_html, tabel_html, veilig
from .context import WerkboekContext
from .formulier import FormulierOefening


class WoonlastenOefening(FormulierOefening):
    """The definition and margin, the amounts per household type (before and after), and the verdicts."""

    SLEUTEL = formulieren.WOONLASTEN
    KLASSE = "wk-oefening-woonlasten"

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        self._fase34 = context.inhoud.fase34
        self._posten = {p.id: p for p in self._fase34.posten}
        self._definitie = w.Dropdown(options=[(d.naam, d.id) for d in self._fase34.definities],
                                     description="Definitie", style=BREED, layout=w.Layout(width="620px"))
        self._definitie.add_class("wk-woonlasten-definitie")
        self._definitie_uitleg = w.HTML()
        self._marge = w.BoundedFloatText(description="Marge (€ per maand)", min=0, max=100, step=1, style=BREED,
                                         layout=w.Layout(width="300px"))
        self._strategie = w.Text(description="Voor welke strategie?", style=BREED, continuous_update=False,
                                 placeholder="bijv. S2 warmtenet, met isoleren vooraf", layout=w.Layout(width="620px"))
        self._huishouden = w.Dropdown(options=[(h.naam, h.id) for h in self._fase34.huishoudtypen],
                                      description="Huishouden", style=BREED, layout=w.Layout(width="620px"))
        self._huishouden.add_class("wk-woonlasten-huishouden")
        self._huishouden_uitleg = w.HTML()
        # one 'voor' and 'na' field per post; only the posts of the chosen household are shown
        self._velden: dict[str, tuple[w.Text, w.Text, w.HBox]] = {}
        for post in self._fase34.posten:
            voor = w.Text(description=f"{post.naam}: voor", placeholder="€ per maand", style=BREED,
                          layout=w.Layout(width="320px"))
            na = w.Text(description="na", placeholder="€ per maand", style={"description_width": "40px"},
                        layout=w.Layout(width="200px"))
            rij = w.HBox([voor, na, w.HTML(f"<span class='wk-bron' title='{e(post.omschrijving)}'>ⓘ "
                                           f"{e(post.omschrijving[:70])}…</span>")])
            rij.add_class(f"wk-woonlasten-post-{post.id}")
            self._velden[post.id] = (voor, na, rij)
        self._posten_box = w.VBox()
        self._opslaan = w.Button(description="Bedragen opslaan", icon="check", button_style="primary")
        self._opslaan.add_class("wk-woonlasten-opslaan")
        self._uitkomst = w.HTML()
        self._uitkomst.add_class("wk-woonlasten-uitkomst")
        self._figuur = w.HTML()
        self._figuur.add_class("wk-woonlasten-figuur")
        self.inhoud.children = [
            w.HTML("<p>Kies eerst de definitie van woonlastenneutraal die jullie hanteren. Vul dan per soort "
                   "huishouden de kosten per maand in, vóór en ná de overstap. Laat een veld leeg als je het nog "
                   "niet weet; vul 0 in als er geen kosten zijn (een eigenaar betaalt geen huur).</p>"),
            self._definitie, self._definitie_uitleg, self._marge, self._strategie, self._huishouden,
            self._huishouden_uitleg, self._posten_box, self._opslaan, self._melding, self._uitkomst, self._figuur,
        ]
        for veld, naam in ((self._definitie, "definitie"), (self._marge, "marge"), (self._strategie, "strategie")):
            self.bij_wijziging(veld, lambda waarde, naam=naam: self._bewaar_instelling(naam, waarde))
        self._huishouden.observe(self._toon_huishouden, names="value")
        self._opslaan.on_click(self._bewaar_bedragen)
        self._laatste_figuur = None
        self.start()

    # -- loading ------------------------------------------------------------------------------
    def laad(self, dossier_gewisseld: bool = True) -> None:
        self._melding.wis()
        super().laad(dossier_gewisseld)

    def _toon(self, gegevens: dict) -> None:
        definitie = gegevens.get("definitie")
        self.toon(self._definitie, definitie if self._fase34.definitie(definitie or "") else
                  self._fase34.definities[0].id)
        marge = gegevens.get("marge")
        self.toon(self._marge, float(marge) if isinstance(marge, int | float) and 0 <= marge <= 100 else 0.0)
        self.toon(self._strategie, str(gegevens.get("strategie") or ""))
        definitie = self._fase34.definitie(self._definitie.value)
        self._definitie_uitleg.value = (f"<div class='wk-bron'>{e(definitie.omschrijving)} (bron: {e(definitie.bron)})"
                                        "</div>")
        self._toon_huishouden()
        self._toon_uitkomst()

    def _huishouden_gegevens(self, type_id: str) -> dict:
        alles = self._formulier.gegevens.get("huishoudens")
        item = alles.get(type_id) if isinstance(alles, dict) else None
        return item if isinstance(item, dict) else {}

    def _toon_huishouden(self, _change=None) -> None:
        huishouden = self._fase34.huishoudtype(self._huishouden.value)
        if huishouden is None:
            return
        self._huishouden_uitleg.value = f"<div class='wk-bron'>{e(huishouden.omschrijving)}</div>"
        opgeslagen = self._huishouden_gegevens(huishouden.id)
        for post_id in huishouden.posten:
            voor, na, _rij = self._velden[post_id]
            voor.value = bedrag_als_tekst((opgeslagen.get("voor") or {}).get(post_id))
            na.value = bedrag_als_tekst((opgeslagen.get("na") or {}).get(post_id))
        self._posten_box.children = [self._velden[p][2] for p in huishouden.posten]

    def _toetsen(self) -> list[tuple[str, object]]:
        """The toets for every household type with at least one amount, in the content's order."""
        definitie = self._fase34.definitie(self._definitie.value)
        uitkomsten = toetsen_per_huishouden(
            self._fase34.huishoudtypen, self._formulier.gegevens.get("huishoudens"),
            definitie_posten=definitie.posten, marge=self._marge.value,
            namen={p.id: p.naam for p in self._fase34.posten})
        return [(huishouden.naam, toets) for huishouden, toets in uitkomsten]

    def _toon_uitkomst(self) -> None:
        uitkomsten = self._toetsen()
        if not uitkomsten:
            self._uitkomst.value = "<p><i>Nog geen bedragen ingevuld.</i></p>"
            self._figuur.value = ""
            return
        rijen = [[naam, euro(t.totaal_voor), euro(t.totaal_na), euro(t.verschil, teken=True), oordeel_tekst(t),
                  t.uitleg()] for naam, t in uitkomsten]
        definitie = self._fase34.definitie(self._definitie.value)
        strategie = f" voor {e(self._strategie.value)}" if self._strategie.value else ""
        self._uitkomst.value = (
            f"<p><b>Uitkomst{strategie}</b>, volgens de definitie '{e(definitie.naam)}'"
            + (f" met een marge van {e(euro(self._marge.value))} per maand" if self._marge.value else "") + ":</p>"
            + tabel_html(["Huishouden", "Voor", "Na", "Verschil", "Oordeel", "Toelichting"], rijen)
            + "<div class='wk-bron'>Bedragen in euro per maand. Een schatting per soort huishouden; individuele "
              "huishoudens kunnen afwijken.</div>"
        )
        sleutel = [(naam, t.voor, t.na, t.oordeel) for naam, t in uitkomsten]
        if sleutel != self._laatste_figuur:
            self._laatste_figuur = sleutel
            namen = {p.id: p.naam for p in self._fase34.posten}
            self._figuur.value = figuur_html(woonlasten_figuur(uitkomsten, namen=namen), woonlasten_alt(uitkomsten))

    # -- saving -------------------------------------------------------------------------------
    def _bewaar_instelling(self, veld: str, waarde) -> None:
        if veld == "definitie" and self._fase34.definitie(waarde) is None:
            raise InvoerFout("Kies een definitie uit de lijst.")
        if veld == "marge" and not 0 <= float(waarde) <= 100:
            raise InvoerFout("De marge ligt tussen € 0 en € 100 per maand.")
        if veld == "strategie":
            waarde = str(waarde).strip()[:120]
        self._zet((veld,), waarde)
        self._melding.ok("Opgeslagen.")

    @veilig()
    def _bewaar_bedragen(self, _knop=None) -> None:
        huishouden = self._fase34.huishoudtype(self._huishouden.value)
        voor, na = {}, {}
        for post_id in huishouden.posten:
            naam = self._posten[post_id].naam.lower()
            veld_voor, veld_na, _rij = self._velden[post_id]
            voor[post_id] = bedrag_uit_tekst(veld_voor.value, naam, "voor de overstap")
            na[post_id] = bedrag_uit_tekst(veld_na.value, naam, "na de overstap")
        self._zet(("huishoudens", huishouden.id), {"voor": voor, "na": na})
        self._melding.ok(f"De bedragen voor '{huishouden.naam}' zijn opgeslagen.")
