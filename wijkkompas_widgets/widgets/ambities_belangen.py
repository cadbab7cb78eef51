"""Exercise 'Ambities en belangen': per party its ambition, interests and top priorities; then what
is shared, where interests clash, and where parties can serve each other (mutual gains)."""

from __future__ import annotations

import ipywidgets as w

from ..analysis.belangen import HEEFT_BELANG
from ..charts.belangen import belangen_figuur
from ..dossier.records import HOUDINGEN, MAX_PRIORITEITEN
from ..leesmodel import belangen as lees
from .basis import BREED, VELD, e, figuur_html, veilig
from .context import WerkboekContext
from .machtbelang import GEEN_PARTIJEN
from .oefening import Oefening

# The page's emphasis in the sentences the report shares.
HTML_OPMAAK = lees.Opmaak(tekst=e, vet=lambda t: f"<b>{t}</b>", schuin=lambda t: f"<i>{t}</i>")


class AmbitiesBelangenOefening(Oefening):
    """Choose a party, write its ambition, mark its interests; the overview covers all parties."""

    KLASSE = "wk-oefening-belangen"

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
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
        self._onderdelen = [
            w.HTML(
                "Kies een partij en geef per belang aan hoe zij ertegenover staat: is het haar eigen belang, kan "
                "zij eraan bijdragen voor anderen, of botst het met wat zij wil? Markeer hoogstens "
                f"{MAX_PRIORITEITEN} topprioriteiten per partij. Alles wordt meteen opgeslagen."
            ),
            self._partij, self._ambitie, self._melding,
            w.HTML("<h4>Belangen van deze partij</h4>"), self._rijen_vak,
            w.HBox([self._eigen_naam, self._eigen_knop]),
            w.HTML("<h4>Overzicht van alle partijen</h4>"), self._grafiek, self._overzicht,
        ]
        self._geen_partijen = [w.HTML(GEEN_PARTIJEN)]
        self._getekend: tuple | None = None
        self.bij_wijziging(self._partij, self._partij_gekozen)
        self.bij_wijziging(self._ambitie, self._bewaar_ambitie)
        self._eigen_knop.on_click(self._voeg_eigen_toe)
        self.start()

    # -- loading ----------------------------------------------------------------------------
    def _belangenlijst(self) -> list[tuple[str, str, str]]:
        catalogus = [(b.id, b.naam, b.omschrijving) for b in self.context.inhoud.fase1.belangen]
        eigen = [(b.id, b.naam, "Eigen belang, toegevoegd in dit dossier") for b in
                 self.context.store.eigen_belangen(self.context.dossier_id)]
        return catalogus + eigen

    def laad(self, dossier_gewisseld: bool = True) -> None:
        partijen = self.context.store.partijen(self.context.dossier_id)
        if not partijen:
            self.inhoud.children = self._geen_partijen
            return
        self.inhoud.children = self._onderdelen
        belangen = self._belangenlijst()
        if [b[0] for b in belangen] != list(self._rijen):
            self._rijen = {bid: _BelangRij(self, bid, naam, oms) for bid, naam, oms in belangen}
            self._rijen_vak.children = list(self._rijen.values())
        gekozen = self._partij.value if self._partij.value in {p.id for p in partijen} else partijen[0].id
        self.toon(self._partij, gekozen, opties=[(p.naam, p.id) for p in partijen])
        self._toon_partij(partijen, belangen)

    def _toon_partij(self, partijen, belangen) -> None:
        context = self.context
        cellen = context.store.partij_belangen(context.dossier_id)
        partij = next(p for p in partijen if p.id == self._partij.value)
        mijn = {c.belang_id: c for c in cellen if c.partij_id == partij.id}
        catalogus = {b.id: b for b in context.inhoud.fase1.belangen}
        self.toon(self._ambitie, partij.ambitie)
        for belang_id, rij in self._rijen.items():
            cel = mijn.get(belang_id)
            vaak = belang_id in catalogus and partij.type in catalogus[belang_id].meestal_bij
            rij.toon(cel.houding if cel else None, bool(cel and cel.prioriteit), vaak)
        self._toon_overzicht(partijen, belangen, cellen)

    def _toon_overzicht(self, partijen, belangen, cellen) -> None:
        sleutel = (tuple((p.id, p.naam) for p in partijen), tuple(belangen), tuple(cellen))
        if sleutel == self._getekend:
            return  # the matrix did not change: skip redrawing the chart
        self._getekend = sleutel
        namen = {p.id: p.naam for p in partijen}
        belangnamen = {bid: naam for bid, naam, _ in belangen}
        gebruikt = lees.gebruikte_belangen(list(belangnamen), cellen)
        if not gebruikt:
            self._grafiek.value = ""
            self._overzicht.value = "<i>Nog geen belangen ingevuld.</i>"
            return
        kolommen = [p.id for p in partijen]
        figuur = belangen_figuur([namen[k] for k in kolommen], [belangnamen[b] for b in gebruikt],
                                 lees.figuurcellen(kolommen, gebruikt, cellen))
        self._grafiek.value = figuur_html(figuur, lees.grafiek_alt(cellen, namen, belangnamen))
        conflictparen = [(c.a, c.b, c.toelichting) for c in self.context.inhoud.fase1.conflicten]
        self._overzicht.value = overzicht_html(cellen, namen, belangnamen, conflictparen)

    # -- saving -----------------------------------------------------------------------------
    def _partij_gekozen(self, _partij_id) -> None:
        self._melding.wis()
        self.laad()

    def _bewaar_ambitie(self, tekst: str) -> None:
        if self._partij.value is not None:
            partij = self.context.store.zet_ambitie(self.context.dossier_id, self._partij.value, tekst)
            self.bewaard(f"Ambitie van '{partij.naam}' opgeslagen.")

    def bewaar_houding(self, rij: _BelangRij) -> None:
        houding = rij.houding.value
        prioriteit = rij.prioriteit.value and houding in HEEFT_BELANG
        try:
            self.context.store.zet_houding(self.context.dossier_id, self._partij.value, rij.belang_id, houding,
                                           prioriteit)
        except Exception:
            self.context.gewijzigd()  # show what is really saved
            raise
        self.bewaard("Opgeslagen.")

    @veilig()
    def _voeg_eigen_toe(self, _knop=None) -> None:
        belang = self.context.store.voeg_eigen_belang_toe(self.context.dossier_id, self._eigen_naam.value)
        self._eigen_naam.value = ""
        self.bewaard(f"Belang '{belang.naam}' toegevoegd; het staat nu bij elke partij.")


class _BelangRij(w.HBox):
    """One interest for the chosen party: how it relates to it, and whether it is a top priority."""

    def __init__(self, oefening: AmbitiesBelangenOefening, belang_id: str, naam: str, omschrijving: str):
        self._oefening = oefening
        self.belang_id = belang_id
        self.label = w.HTML(layout=w.Layout(width="330px"))
        self._naam, self._omschrijving = naam, omschrijving
        self.houding = w.Dropdown(
            options=[("—", None), *[(label, sleutel) for sleutel, label in HOUDINGEN.items()]],
            value=None, description=naam, style={"description_width": "0px"},
            layout=w.Layout(width="290px"),
        )
        self.houding.add_class("wk-belang-houding")
        self.prioriteit = w.Checkbox(description="topprioriteit", indent=False, layout=w.Layout(width="130px"))
        oefening.bij_wijziging(self.houding, lambda _waarde: oefening.bewaar_houding(self))
        oefening.bij_wijziging(self.prioriteit, lambda _waarde: oefening.bewaar_houding(self))
        super().__init__([self.label, self.houding, self.prioriteit])
        self.add_class("wk-belang-rij")

    def toon(self, houding: str | None, prioriteit: bool, vaak: bool) -> None:
        self._oefening.toon(self.houding, houding)
        self._oefening.toon(self.prioriteit, prioriteit)
        self.prioriteit.disabled = houding not in HEEFT_BELANG
        hint = " <span class='wk-bron'>(vaak bij dit soort partij)</span>" if vaak else ""
        self.label.value = f"<span title='{e(self._omschrijving)}'><b>{e(self._naam)}</b></span>{hint}"


def overzicht_html(cellen, namen: dict[int, str], belangnamen: dict[str, str], conflictparen) -> str:
    """The three MGA lists in words: shared, in tension, and options where one party serves another."""

    def lijst(kop: str, zinnen: list[str], leeg: str) -> str:
        items = "".join(f"<li>{zin}</li>" for zin in zinnen)
        return f"<h5>{kop}</h5>" + (f"<ul>{items}</ul>" if items else f"<p><i>{leeg}</i></p>")

    return (
        lijst(lees.GEDEELD_KOP, lees.gedeeld_zinnen(cellen, namen, belangnamen, HTML_OPMAAK), lees.GEEN_GEDEELD)
        + lijst(lees.BOTSEN_KOP, lees.botsing_zinnen(cellen, namen, belangnamen, conflictparen, HTML_OPMAAK),
                lees.GEEN_BOTSING)
        + lijst(lees.KANSEN_KOP, lees.kansen_zinnen(cellen, namen, belangnamen, HTML_OPMAAK), lees.GEEN_KANSEN)
    )
