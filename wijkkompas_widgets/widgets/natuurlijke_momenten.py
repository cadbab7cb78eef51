"""Exercise 'Natuurlijke momenten' (knooppunt f2-natuurlijke-momenten): the works of the register on a timeline,
and the natural moments in them for a margin the team chooses. The margin is saved in the dossier
(``formulieren.NATUURLIJKE_MOMENTEN``), so everyone sees the same list; the exercise follows the register
through the context's ``revisie``.
"""

from __future__ import annotations

from datetime import date

import ipywidgets as w

from ..analysis.koppelkansen import marge_uit_formulier
from ..analysis.planning import (
    BINNENKORT_JAREN,
    BRON,
    MARGE_MAX,
    MARGE_MIN,
    STANDAARD_MARGE,
    NatuurlijkMoment,
    controleer_marge,
    natuurlijke_momenten,
    werken_binnenkort,
)
from ..charts.planning import tijdlijn
from ..dossier import GelijktijdigGewijzigd, formulieren
from ..dossier.records import Werk
from ..leesmodel.planning import AL_VOORBIJ, samenvallen, waarom_een_kans, wanneer, werkregel
from .basis import e, figuur_html
from .context import WerkboekContext
from .formulier import FormulierOefening


class NatuurlijkeMomentenOefening(FormulierOefening):
    """The timeline of the register and the natural moments in it, for the team's margin. Redraws only when
    something changed."""

    SLEUTEL = formulieren.NATUURLIJKE_MOMENTEN
    KLASSE = "wk-oefening-natuurlijke-momenten"
    VERVERS_BIJ = ("dossier_id", "revisie")  # the register is another exercise on the page

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        self._getekend: tuple | None = None
        self._marge = w.IntSlider(
            description="Binnen hoeveel jaar telt als samenvallend", value=STANDAARD_MARGE, min=MARGE_MIN,
            max=MARGE_MAX, continuous_update=False, style={"description_width": "290px"},
            layout=w.Layout(width="600px"),
        )
        self._marge.add_class("wk-planning-marge")
        self._marge_uitleg = w.HTML()
        self._marge_uitleg.add_class("wk-planning-marge-uitleg")
        self._binnenkort = w.HTML()
        self._binnenkort.add_class("wk-planning-binnenkort")
        self._tijdlijn = w.HTML()
        self._tijdlijn.add_class("wk-planning-tijdlijn")
        self._momenten = w.HTML()
        self._momenten.add_class("wk-planning-momenten")
        self.inhoud.children = [
            w.HTML(
                "<p>Een <b>natuurlijk moment</b> is een periode waarin verschillende partijen toch al werk doen in "
                "hetzelfde gebied. Dan kun je de straat één keer openleggen voor riool, gas, elektriciteit en warmte "
                "samen. Hieronder staan de werken uit het register op een tijdlijn, en de momenten waarop werk van "
                "verschillende eigenaren samenvalt.</p>"
                "<p class='wk-bron'>Zo telt het: twee werken vallen samen als ze in hetzelfde gebied liggen (zelfde "
                "naam; hoofdletters en spaties tellen niet) en elkaar overlappen of hoogstens de gekozen marge aan "
                "jaren uit elkaar liggen. Een werk op schaal wijk of regio geldt voor elk gebied. Werken van "
                "dezelfde eigenaar tellen niet als moment.</p>"
            ),
            self._marge, self._marge_uitleg, self._melding, self._binnenkort, self._tijdlijn,
            w.HTML("<h4>Natuurlijke momenten</h4>"), self._momenten,
            w.HTML(f"<div class='wk-bron'>Bron: {e(BRON)}</div>"),
        ]
        self.bij_wijziging(self._marge, self._bewaar_marge)
        self.start()

    def _toon(self, gegevens: dict) -> None:
        self.toon(self._marge, marge_uit_formulier(gegevens))
        self._teken(self.context.store.planning_werken(self.context.dossier_id))

    def _bewaar_marge(self, marge: int) -> None:
        """The margin is the whole form: a colleague's newer choice is shown, not overwritten."""
        marge = controleer_marge(marge)
        try:
            self._formulier.bewaar({"marge": marge})
        except GelijktijdigGewijzigd:
            self._toon(self.gegevens)
            raise
        self._teken(self.context.store.planning_werken(self.context.dossier_id))
        self.bewaard(f"De marge van {marge} jaar is opgeslagen voor dit dossier.")

    def _teken(self, werken: list[Werk]) -> None:
        marge, huidig_jaar = self._marge.value, date.today().year
        self._marge_uitleg.value = (
            "<div class='wk-bron'>" + (
                "Marge 0: alleen werken die echt in hetzelfde jaar of dezelfde jaren lopen." if marge == 0 else
                f"Marge {marge}: ook werken die hoogstens {marge} jaar na elkaar beginnen en eindigen tellen mee."
            ) + "</div>"
        )
        sleutel = (tuple(werken), marge, huidig_jaar)
        if sleutel == self._getekend:
            return
        momenten = natuurlijke_momenten(werken, marge)
        self._binnenkort.value = binnenkort_html(werken_binnenkort(werken, huidig_jaar))
        if werken:
            gebieden = len({"" if w_.is_wijkbreed else w_.gebied_sleutel for w_ in werken})
            alt = (f"Tijdlijn van {len(werken)} werken in {gebieden} gebied{'en' if gebieden != 1 else ''}, met "
                   f"{len(momenten)} natuurlijk{'e' if len(momenten) != 1 else ''} moment"
                   f"{'en' if len(momenten) != 1 else ''}; de lijst hieronder noemt ze allemaal.")
            self._tijdlijn.value = figuur_html(tijdlijn(werken, momenten, huidig_jaar, marge), alt)
        else:
            self._tijdlijn.value = ""
        self._momenten.value = momenten_html(werken, momenten, marge, huidig_jaar)
        self._getekend = sleutel


def binnenkort_html(werken: list[Werk]) -> str:
    if not werken:
        return ""
    items = "".join(
        f"<li>{e(w_.omschrijving)} ({e(w_.eigenaar)}, {e(w_.periode)})</li>" for w_ in werken
    )
    return (
        "<div class='wk-melding wk-melding-info wk-planning-waarschuwing' role='note'>⚠ <b>Weinig tijd meer:</b> "
        f"{len(werken)} werk{'en' if len(werken) != 1 else ''} loopt al of begint binnen {BINNENKORT_JAREN} jaar. "
        "Daar is weinig ruimte om nog aan te passen; vraag de eigenaar snel of meekoppelen nog kan."
        f"<ul>{items}</ul></div>"
    )


def momenten_html(werken: list[Werk], momenten: list[NatuurlijkMoment], marge: int, huidig_jaar: int) -> str:
    if not werken:
        return ("<p><i>Nog geen werken in het register. Vul eerst het overzicht van bestaande planningen in; "
                "dan verschijnen hier de natuurlijke momenten.</i></p>")
    if not momenten:
        return (f"<p><i>Geen natuurlijke momenten gevonden met een marge van {marge} jaar. Kies een grotere marge, "
                "of controleer of werken in hetzelfde gebied ook dezelfde gebiedsnaam hebben.</i></p>")
    delen = []
    for nummer, moment in enumerate(momenten, start=1):
        tijd = wanneer(moment, huidig_jaar)
        if tijd == AL_VOORBIJ:
            tijd = f" <span class='wk-bron'>({e(tijd)})</span>"
        elif tijd:
            tijd = f" <span class='wk-planning-snel'>{e(tijd)}</span>"
        werkregels = "".join(
            f"<li>{e(werkregel(w_))}"
            + (f" (schaal {e(w_.niveau)}: geldt voor de hele wijk)" if w_.is_wijkbreed else "") + "</li>"
            for w_ in moment.werken
        )
        waarom = "".join(f"<li><b>{e(soort)}:</b> {e(reden)}</li>" for soort, reden in waarom_een_kans(moment))
        delen.append(
            f"<div class='wk-planning-moment'><b>◆ {nummer} · {e(moment.gebied)}</b>, {e(moment.venster)} "
            f"({e(samenvallen(moment, marge))}){tijd}<br>Partijen: {e(', '.join(moment.partijen))}<ul>{werkregels}</ul>"
            f"<details><summary>Waarom dit een kans is</summary><ul>{waarom}</ul></details></div>"
        )
    return f"<div class='wk-planning-momentenlijst'>{''.join(delen)}</div>"
