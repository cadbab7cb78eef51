"""Exercise 'Ambities en belangen': per party its ambition, interests and top priorities; then what
is shared, where interests clash, and where parties can serve each other (mutual gains)."""

from __future__ import annotations

import ipywidgets as w

from ..analysis import belangen as analyse
from ..charts.belangen import belangen_figuur
from ..dossier.belangen import HOUDINGEN, MAX_PRIORITEITEN
from .basis import BREED, VELD, Melding, e, figuur_html, veilig
from .context import WerkboekContext
from .kop import geen_dossier_html


class _BelangRij:
    """One interest for the chosen party: how it relates to it, and whether it is a top priority."""

    def __init__(self, belang_id: str, naam: str, omschrijving: str, bewaar):
        self.belang_id = belang_id
        self._bijwerken = False
        self.label = w.HTML(layout=w.Layout(width="330px"))
        self._naam, self._omschrijving = naam, omschrijving
        self.houding = w.Dropdown(
            options=[("—", None), *[(label, sleutel) for sleutel, label in HOUDINGEN.items()]],
            value=None, description=naam, style={"description_width": "0px"},
            layout=w.Layout(width="290px"),
        )
        self.houding.add_class("wk-belang-houding")
        self.prioriteit = w.Checkbox(description="topprioriteit", indent=False, layout=w.Layout(width="130px"))
        self.houding.observe(lambda c: self._gewijzigd(bewaar), names="value")
        self.prioriteit.observe(lambda c: self._gewijzigd(bewaar), names="value")
        self.widget = w.HBox([self.label, self.houding, self.prioriteit])
        self.widget.add_class("wk-belang-rij")

    def _gewijzigd(self, bewaar) -> None:
        if not self._bijwerken:
            bewaar(self)

    def toon(self, houding: str | None, prioriteit: bool, vaak: bool) -> None:
        self._bijwerken = True
        try:
            self.houding.value = houding
            self.prioriteit.value = prioriteit
            self.prioriteit.disabled = houding not in analyse.HEEFT_BELANG
        finally:
            self._bijwerken = False
        hint = " <span class='wk-bron'>(vaak bij dit soort partij)</span>" if vaak else ""
        self.label.value = f"<span title='{e(self._omschrijving)}'><b>{e(self._naam)}</b></span>{hint}"


class AmbitiesBelangenOefening(w.VBox):
    """Choose a party, write its ambition, mark its interests; the overview covers all parties."""

    def __init__(self, context: WerkboekContext):
        super().__init__()
        self.add_class("wk-oefening-belangen")
        self.context = context
        self._melding = Melding()
        self._partij = w.Dropdown(description="Partij", style=BREED, layout=VELD)
        self._partij.add_class("wk-belangen-partij")
        self._ambitie = w.Textarea(
            description="Ambitie van deze partij", placeholder="Wat wil deze partij in de wijk bereiken?",
            style=BREED, layout=w.Layout(width="720px", height="70px"), continuous_update=False,
        )
        self._ambitie.add_class("wk-belangen-ambitie")
        self._rijen: dict[str, _BelangRij] = {}
        self._rijen_vak = w.VBox()
        self._eigen_naam = w.Text(description="Eigen belang", placeholder="bijv. Behoud van groen in de straat",
                                  style=BREED, layout=VELD)
        self._eigen_knop = w.Button(description="Belang toevoegen", icon="plus")
        self._overzicht = w.HTML()
        self._overzicht.add_class("wk-belangen-overzicht")
        self._grafiek = w.HTML()
        self._inhoud = w.VBox([
            w.HTML(
                "Kies een partij en geef per belang aan hoe zij ertegenover staat: is het haar eigen belang, kan "
                "zij eraan bijdragen voor anderen, of botst het met wat zij wil? Markeer hoogstens "
                f"{MAX_PRIORITEITEN} topprioriteiten per partij. Alles wordt meteen opgeslagen."
            ),
            self._partij, self._ambitie, self._melding,
            w.HTML("<h4>Belangen van deze partij</h4>"), self._rijen_vak,
            w.HBox([self._eigen_naam, self._eigen_knop]),
            w.HTML("<h4>Overzicht van alle partijen</h4>"), self._grafiek, self._overzicht,
        ])
        self._geen_dossier = w.HTML(geen_dossier_html())
        self._geen_partijen = w.HTML(
            "<i>Nog geen partijen. Voeg eerst partijen toe bij 'De juiste partijen aan tafel'.</i>"
        )
        self.children = [self._inhoud]
        self._partij.observe(self._partij_gekozen, names="value")
        self._ambitie.observe(self._bewaar_ambitie, names="value")
        self._eigen_knop.on_click(self._voeg_eigen_toe)
        context.observe(self._herlaad, names=["dossier_id", "revisie"])
        self._bijwerken = False
        self._herlaad()

    # -- loading ----------------------------------------------------------------------------
    def _belangenlijst(self) -> list[tuple[str, str, str]]:
        catalogus = [(b.id, b.naam, b.omschrijving) for b in self.context.inhoud.fase1.belangen]
        eigen = [(b.id, b.naam, "Eigen belang, toegevoegd in dit dossier") for b in
                 self.context.store.eigen_belangen(self.context.dossier_id)]
        return catalogus + eigen

    @veilig()
    def _herlaad(self, _change=None) -> None:
        context = self.context
        if context.store is None or context.dossier_id is None:
            self.children = [self._geen_dossier]
            return
        partijen = context.store.partijen(context.dossier_id)
        if not partijen:
            self.children = [self._geen_partijen]
            return
        self.children = [self._inhoud]
        belangen = self._belangenlijst()
        if [b[0] for b in belangen] != list(self._rijen):
            self._rijen = {bid: _BelangRij(bid, naam, oms, self._bewaar_houding) for bid, naam, oms in belangen}
            self._rijen_vak.children = [r.widget for r in self._rijen.values()]
        opties = [(p.naam, p.id) for p in partijen]
        gekozen = self._partij.value if self._partij.value in {p.id for p in partijen} else partijen[0].id
        self._bijwerken = True
        try:
            if list(self._partij.options) != opties:
                self._partij.options = opties
            self._partij.value = gekozen
        finally:
            self._bijwerken = False
        self._toon_partij(partijen, belangen)

    def _toon_partij(self, partijen, belangen) -> None:
        context = self.context
        cellen = context.store.partij_belangen(context.dossier_id)
        partij = next(p for p in partijen if p.id == self._partij.value)
        mijn = {c.belang_id: c for c in cellen if c.partij_id == partij.id}
        catalogus = {b.id: b for b in context.inhoud.fase1.belangen}
        self._bijwerken = True
        try:
            self._ambitie.value = partij.ambitie
        finally:
            self._bijwerken = False
        for belang_id, rij in self._rijen.items():
            cel = mijn.get(belang_id)
            vaak = belang_id in catalogus and partij.type in catalogus[belang_id].meestal_bij
            rij.toon(cel.houding if cel else None, bool(cel and cel.prioriteit), vaak)
        self._toon_overzicht(partijen, belangen, cellen)

    def _toon_overzicht(self, partijen, belangen, cellen) -> None:
        sleutel = (tuple((p.id, p.naam) for p in partijen), tuple(belangen), tuple(cellen))
        if sleutel == getattr(self, "_getoond", None):
            return  # the matrix did not change: skip redrawing the chart
        self._getoond = sleutel
        namen = {p.id: p.naam for p in partijen}
        belangnamen = {bid: naam for bid, naam, _ in belangen}
        gebruikt = [bid for bid, _, _ in belangen if any(c.belang_id == bid for c in cellen)]
        if not gebruikt:
            self._grafiek.value = ""
            self._overzicht.value = "<i>Nog geen belangen ingevuld.</i>"
            return
        kolommen = [p.id for p in partijen]
        figuurcellen = {
            (gebruikt.index(c.belang_id), kolommen.index(c.partij_id)): (c.houding, c.prioriteit)
            for c in cellen if c.belang_id in gebruikt
        }
        alt = "Belangen per partij: " + "; ".join(
            f"{namen[c.partij_id]} – {belangnamen[c.belang_id]}: {HOUDINGEN[c.houding].lower()}"
            + (" (topprioriteit)" if c.prioriteit else "")
            for c in cellen if c.belang_id in belangnamen
        )
        self._grafiek.value = figuur_html(
            belangen_figuur([namen[k] for k in kolommen], [belangnamen[b] for b in gebruikt], figuurcellen), alt
        )
        conflictparen = [(c.a, c.b, c.toelichting) for c in self.context.inhoud.fase1.conflicten]
        self._overzicht.value = overzicht_html(cellen, namen, belangnamen, conflictparen)

    # -- saving -----------------------------------------------------------------------------
    def _partij_gekozen(self, _change) -> None:
        if not self._bijwerken:
            self._melding.wis()
            self._herlaad()

    @veilig()
    def _bewaar_ambitie(self, change) -> None:
        if self._bijwerken or self._partij.value is None:
            return
        partij = self.context.store.zet_ambitie(self.context.dossier_id, self._partij.value, change["new"])
        self._melding.ok(f"Ambitie van '{partij.naam}' opgeslagen.")
        self.context.gewijzigd()

    @veilig()
    def _bewaar_houding(self, rij: _BelangRij) -> None:
        houding = rij.houding.value
        prioriteit = rij.prioriteit.value and houding in analyse.HEEFT_BELANG
        try:
            self.context.store.zet_houding(self.context.dossier_id, self._partij.value, rij.belang_id, houding,
                                           prioriteit)
        except Exception:
            self.context.gewijzigd()  # show what is really saved
            raise
        self._melding.ok("Opgeslagen.")
        self.context.gewijzigd()

    @veilig()
    def _voeg_eigen_toe(self, _knop=None) -> None:
        belang = self.context.store.voeg_eigen_belang_toe(self.context.dossier_id, self._eigen_naam.value)
        self._eigen_naam.value = ""
        self._melding.ok(f"Belang '{belang.naam}' toegevoegd; het staat nu bij elke partij.")
        self.context.gewijzigd()


def overzicht_html(cellen, namen: dict[int, str], belangnamen: dict[str, str], conflictparen) -> str:
    """The three MGA lists in words: shared, in tension, and options where one party serves another."""

    def partij(pid: int) -> str:
        return e(namen.get(pid, "?"))

    def belang(bid: str) -> str:
        return e(belangnamen.get(bid, bid))

    gedeeld = analyse.gedeelde_belangen(cellen)
    spanningen = analyse.spanningen(cellen, conflictparen)
    ruilen = analyse.ruilen(cellen)
    kansen = analyse.kansen(cellen)
    delen = []
    items = [f"<li><b>{belang(g.belang_id)}</b>: {', '.join(partij(p) for p in g.partijen)}</li>" for g in gedeeld]
    delen.append("<h5>✔ Gedeelde belangen</h5>" + (f"<ul>{''.join(items)}</ul>" if items else
                 "<p><i>Nog geen belang dat twee of meer partijen delen.</i></p>"))
    items = []
    for s in spanningen:
        if s.belang_a == s.belang_b:
            items.append(f"<li>{partij(s.partij_a)} heeft belang bij <b>{belang(s.belang_a)}</b>; "
                         f"voor {partij(s.partij_b)} botst dat met het eigen belang.</li>")
        else:
            items.append(f"<li><b>{belang(s.belang_a)}</b> ({partij(s.partij_a)}) en <b>{belang(s.belang_b)}</b> "
                         f"({partij(s.partij_b)}) trekken vaak tegen elkaar in. {e(s.toelichting)}</li>")
    delen.append("<h5>⚠ Belangen die botsen</h5>" + (f"<ul>{''.join(items)}</ul>" if items else
                 "<p><i>Geen botsende belangen gevonden.</i></p>"))
    items = [f"<li><b>Wederzijdse winst:</b> {partij(r.partij_a)} kan bijdragen aan "
             f"<i>{belang(r.a_helpt_b_met)}</i> voor {partij(r.partij_b)}, en {partij(r.partij_b)} aan "
             f"<i>{belang(r.b_helpt_a_met)}</i> voor {partij(r.partij_a)}.</li>" for r in ruilen]
    items += [f"<li>{partij(k.leverancier)} kan bijdragen aan <i>{belang(k.belang_id)}</i> van "
              f"{partij(k.ontvanger)}.</li>" for k in kansen]
    delen.append("<h5>➜ Kansen om elkaar te helpen (mutual gains)</h5>" + (
        f"<ul>{''.join(items)}</ul>" if items else
        "<p><i>Nog geen kansen: geef aan waar partijen aan kunnen bijdragen.</i></p>"))
    return "".join(delen)
