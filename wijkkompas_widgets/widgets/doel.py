"""Exercise 'Gezamenlijk doel': the aim of the wijkaanpak with measurable criteria, saved as one form."""

from __future__ import annotations

from datetime import date

import ipywidgets as w

from ..analysis.doel import DOELEN, KABINETSDEFINITIE_WOONLASTEN, Doel, controleer_doel, criteria_uit_tekst
from ..dossier import GelijktijdigGewijzigd, InvoerFout, formulieren
from ..leesmodel.doel import ONS_DOEL, VOLGENS_DEFINITIE, WOONLASTENNEUTRAAL, ZO_METEN, doel_titel
from .basis import BREED, e, veilig
from .context import WerkboekContext
from .formulier import FormulierOefening


class DoelOefening(FormulierOefening):
    """One form; saving checks completeness first (analysis.doel) and never overwrites a colleague's
    newer version (the store's form version)."""

    KLASSE = "wk-oefening-doel"
    SLEUTEL = formulieren.DOEL

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        self._soort = w.RadioButtons(
            options=[(label, sleutel) for sleutel, label in DOELEN.items()], value=None,
            description="Gezamenlijk doel", style=BREED,
        )
        self._omschrijving = w.Text(description="Omschrijving", placeholder="bijv. aardgasvrij, met de wijk mee",
                                    style=BREED, layout=w.Layout(width="720px"))
        self._streefjaar = w.Text(description="Streefjaar", placeholder="bijv. 2035", style=BREED,
                                  layout=w.Layout(width="300px"))
        self._criteria = w.Textarea(
            description="Meetbare criteria (één per regel)",
            placeholder=(
                "bijv.\n80% van de woningen aardgasvrij in 2035\nGeen huishouden gaat er in maandlasten op achteruit"
            ),
            style=BREED, layout=w.Layout(width="720px", height="110px"),
        )
        self._woonlasten = w.Checkbox(description="Woonlastenneutraliteit is een doel", indent=False)
        self._definitie = w.Textarea(
            description="Onze definitie", style=BREED, layout=w.Layout(width="720px", height="80px", display="none"),
            placeholder="Wanneer noemen wij de overstap woonlastenneutraal, voor wie, en over welke periode?",
        )
        self._definitie_hint = w.HTML(
            f"<div class='wk-bron'>Ter vergelijking, de definitie van het kabinet: {e(KABINETSDEFINITIE_WOONLASTEN)} "
            "(bron: Klimaatakkoord)</div>", layout=w.Layout(display="none"),
        )
        self._opslaan = w.Button(description="Doel opslaan", button_style="primary", icon="check")
        self._opslaan.add_class("wk-doel-opslaan")
        self._samenvatting = w.HTML()
        self.inhoud.children = [
            self._soort, self._omschrijving, self._streefjaar, self._criteria, self._woonlasten,
            self._definitie_hint, self._definitie, self._opslaan, self._melding, self._samenvatting,
        ]
        self._woonlasten.observe(self._toon_definitie, names="value")
        self._opslaan.on_click(self._bewaar)
        self.start()

    def _toon_definitie(self, _change=None) -> None:
        self._definitie.layout.display = "flex" if self._woonlasten.value else "none"
        self._definitie_hint.layout.display = "block" if self._woonlasten.value else "none"

    def _toon(self, gegevens: dict) -> None:
        doel = Doel.uit_dict(gegevens)
        self._soort.value = doel.soort if doel else None
        self._omschrijving.value = doel.omschrijving if doel else ""
        self._streefjaar.value = str(doel.streefjaar) if doel and doel.streefjaar else ""
        self._criteria.value = "\n".join(doel.criteria) if doel else ""
        self._woonlasten.value = bool(doel and doel.woonlastenneutraal)
        self._definitie.value = doel.woonlasten_definitie if doel else ""
        self._toon_definitie()
        self._samenvatting.value = samenvatting_html(doel)

    def _lees_formulier(self) -> Doel:
        jaar_tekst = self._streefjaar.value.strip()
        if jaar_tekst and not jaar_tekst.isdigit():
            raise InvoerFout("Het streefjaar is een jaartal, zoals 2035.")
        return Doel(
            soort=self._soort.value or "", omschrijving=self._omschrijving.value.strip(),
            streefjaar=int(jaar_tekst) if jaar_tekst else None, criteria=criteria_uit_tekst(self._criteria.value),
            woonlastenneutraal=self._woonlasten.value,
            woonlasten_definitie=self._definitie.value.strip() if self._woonlasten.value else "",
        )

    @veilig()
    def _bewaar(self, _knop=None) -> None:
        doel = controleer_doel(self._lees_formulier(), date.today().year)
        try:
            self._formulier.bewaar(doel.als_dict())
        except GelijktijdigGewijzigd:
            self._toon(self._formulier.gegevens)  # the colleague's version
            raise
        self._samenvatting.value = samenvatting_html(doel)
        self.bewaard("Het gezamenlijke doel is opgeslagen.")


def samenvatting_html(doel: Doel | None) -> str:
    if doel is None:
        return "<p><i>Nog geen gezamenlijk doel vastgelegd.</i></p>"
    criteria = "".join(f"<li>{e(c)}</li>" for c in doel.criteria)
    woonlasten = (f"<p><b>{WOONLASTENNEUTRAAL}</b>, {VOLGENS_DEFINITIE}{e(doel.woonlasten_definitie)}</p>"
                  if doel.woonlastenneutraal else "")
    return (f"<div class='wk-doel-samenvatting'><p><b>{ONS_DOEL.strip()}</b> {doel_titel(doel, e)}</p>"
            f"<p>{ZO_METEN}</p><ul>{criteria}</ul>{woonlasten}</div>")
