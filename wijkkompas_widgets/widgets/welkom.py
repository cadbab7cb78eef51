"""The welcome page's progress overview and the links between the phase notebooks."""

from __future__ import annotations

import ipywidgets as w

from ..analysis.voortgang import percentage_afgerond, voortgang_per_fase
from ..charts.voortgang import voortgang_figuur
from ..dossier.model import STANDAARD_STATUS, STATUS_LABELS
from .basis import Melding, e, figuur_html, veilig
from .context import WerkboekContext
from .kop import geen_dossier_html


class VoortgangOverzicht(w.VBox):
    """Chart of the status of all knooppunten per phase, and per phase a list with a link."""

    def __init__(self, context: WerkboekContext):
        super().__init__()
        self.add_class("wk-voortgang")
        self.context = context
        self._melding = Melding()
        self._samenvatting = w.HTML()
        self._grafiek = w.HTML()
        self._fasen = w.HTML()
        self.children = [self._samenvatting, self._grafiek, self._fasen, self._melding]
        context.observe(self._herlaad, names=["dossier_id", "revisie"])
        self._herlaad()

    @veilig()
    def _herlaad(self, _change=None) -> None:
        inhoud, context = self.context.inhoud, self.context
        if context.store is None or context.dossier_id is None:
            self._samenvatting.value = geen_dossier_html()
            self._grafiek.value = self._fasen.value = ""
            return
        statussen = context.store.statussen(context.dossier_id)
        tabel = voortgang_per_fase(inhoud, statussen)
        procent = percentage_afgerond(inhoud, statussen)
        self._samenvatting.value = (
            f"<p class='wk-voortgang-samenvatting'><b>{procent}%</b> van de {len(inhoud.knooppunten)} "
            "knooppunten is afgerond of herzien.</p>"
        )
        alt = "Voortgang per fase: " + "; ".join(
            f"{fase}: " + ", ".join(f"{aantal} {status.lower()}" for status, aantal in rij.items() if aantal)
            for fase, rij in tabel.iterrows()
        )
        self._grafiek.value = figuur_html(voortgang_figuur(tabel), alt, breedte="760px")
        blokken = []
        for fase in inhoud.fasen:
            items = "".join(
                f"<li>{e(k.titel)} — <i>{STATUS_LABELS[statussen.get(k.id, STANDAARD_STATUS)].lower()}</i>"
                f"{' ⚠ bestuurlijk gevoelig' if k.bestuurlijk_gevoelig else ''}</li>"
                for k in inhoud.knooppunten_van_fase(fase.nummer)
            )
            link = f"{e(fase.notebook)}{e(context.url_parameter())}"
            blokken.append(
                f"<div class='wk-sectie'><h3>Fase {fase.nummer}: {e(fase.naam)}</h3><p>{e(fase.kort)}</p>"
                f"<p><a href='{link}' class='wk-fase-link wk-fase-link-{fase.nummer}'>"
                f"Naar fase {fase.nummer}: {e(fase.naam)} →</a></p>"
                f"<details><summary>Knooppunten van fase {fase.nummer}</summary><ul>{items}</ul></details></div>"
            )
        self._fasen.value = "".join(blokken)


class FaseNavigatie(w.HTML):
    """Links to the welcome page and the previous/next phase, carrying the open dossier."""

    def __init__(self, context: WerkboekContext, fase: int):
        super().__init__()
        self.add_class("wk-navigatie")
        self.context = context
        self._fase = fase
        context.observe(self._vul, names="dossier_id")
        self._vul()

    def _vul(self, _change=None) -> None:
        parameter = e(self.context.url_parameter())
        links = [f"<a href='00_welkom.ipynb{parameter}' class='wk-link-welkom'>← Overzicht van het dossier</a>"]
        for fase in self.context.inhoud.fasen:
            if fase.nummer in (self._fase - 1, self._fase + 1):
                richting = "Vorige" if fase.nummer < self._fase else "Volgende"
                links.append(
                    f"<a href='{e(fase.notebook)}{parameter}' class='wk-link-fase-{fase.nummer}'>"
                    f"{richting} fase: {fase.nummer} {e(fase.naam)}</a>"
                )
        self.value = "<nav aria-label='Navigatie tussen de fasen'>" + " &nbsp;|&nbsp; ".join(links) + "</nav>"


class WorkshopLinks(w.HTML):
    """Links to the two pages of a live workshop; the facilitator's link carries the open dossier."""

    def __init__(self, context: WerkboekContext):
        super().__init__()
        self.add_class("wk-workshop-links")
        self.context = context
        context.observe(self._vul, names="dossier_id")
        self._vul()

    def _vul(self, _change=None) -> None:
        parameter = e(self.context.url_parameter())
        self.value = (
            "<nav aria-label='Workshop'><ul>"
            f"<li><a href='workshop_begeleider.ipynb{parameter}' class='wk-link-workshop-begeleider'>"
            "Een workshop begeleiden →</a> — maak een sessie met dit dossier en zet de code op het scherm.</li>"
            "<li><a href='workshop_deelnemer.ipynb' class='wk-link-workshop-deelnemer'>Meedoen aan een workshop →"
            "</a> — met de code van de begeleider, op je eigen laptop of telefoon.</li>"
            "</ul></nav>"
        )
