"""Exercise 'Regierol van de gemeente': a few questions → an advised type; the team's choice and why."""

from __future__ import annotations

import ipywidgets as w

from ..analysis.afsprakennota import datum_nl
from ..analysis.regierol import Keuze, aantal_beantwoord, advies, controleer_keuze, hoogste, regierol_type
from ..content import RegierolType
from ..dossier import GelijktijdigGewijzigd, formulieren
from ..dossier.model import nu
from .basis import BREED, Melding, e, tabel_html, veilig
from .context import WerkboekContext
from .formulier import FormulierOefening

_TELWOORDEN = {2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes"}


class RegierolOefening(FormulierOefening):
    """The questions (saved per answer), the advice they point to, and the team's own choice with
    its rationale (saved with a button). All of it is one form in the dossier, with a version, so
    two people never silently overwrite each other."""

    KLASSE = "wk-oefening-regierol"
    SLEUTEL = formulieren.REGIEROL
    VERVERS_BIJ = ("dossier_id", "revisie")

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        self._inhoud_rol = context.inhoud.fase1.regierol
        self._vragen: dict[str, w.RadioButtons] = {}
        for nummer, vraag in enumerate(self._inhoud_rol.vragen, start=1):
            knoppen = w.RadioButtons(
                options=[(tekst, index) for index, (tekst, _punten) in enumerate(vraag.opties)], value=None,
                description=f"{nummer}. {vraag.vraag}", style={"description_width": "initial"},
                layout=w.Layout(flex_flow="column", align_items="flex-start", width="auto", margin="8px 0"),
            )
            knoppen.add_class("wk-regierol-vraag")
            knoppen.add_class(f"wk-regierol-vraag-{vraag.id}")
            self.bij_wijziging(knoppen, lambda index, vraag_id=vraag.id: self._bewaar_antwoord(vraag_id, index))
            self._vragen[vraag.id] = knoppen
        self._advies = w.HTML()
        self._advies.add_class("wk-regierol-advies")
        self._keuze = w.Dropdown(
            description="Gekozen regierol",
            options=[("— kies een regierol —", "")] + [(t.naam, t.id) for t in self._inhoud_rol.typen],
            value="", style=BREED, layout=w.Layout(width="520px"),
        )
        self._keuze.add_class("wk-regierol-keuze")
        self._keuze_uitleg = w.HTML()
        self._keuze_uitleg.add_class("wk-regierol-keuze-uitleg")
        self._onderbouwing = w.Textarea(
            description="Onderbouwing", placeholder="Waarom past deze rol bij deze wijk en deze partners?",
            style=BREED, layout=w.Layout(width="720px", height="90px"),
        )
        self._onderbouwing.add_class("wk-regierol-onderbouwing")
        self._vastleggen = w.Button(description="Keuze vastleggen", icon="check", button_style="primary")
        self._vastleggen.add_class("wk-regierol-vastleggen")
        self._keuze_melding = Melding()
        self._keuze_melding.add_class("wk-regierol-keuze-melding")
        self._vastgelegd = w.HTML()
        self._vastgelegd.add_class("wk-regierol-vastgelegd")
        self.inhoud.children = [
            w.HTML(f"<div class='wk-melding wk-melding-info'>ℹ {e(self._inhoud_rol.toelichting)}</div>"),
            w.HTML("<h4>Vragen</h4><div class='wk-bron'>Kies bij elke vraag het antwoord dat het best past. "
                   "Elk antwoord wordt meteen opgeslagen.</div>"),
            *self._vragen.values(), self._melding,
            w.HTML("<h4>Advies uit de vragen</h4>"), self._advies,
            w.HTML("<h4>Jullie keuze</h4>"
                   "<div class='wk-badge-bg' role='note'>⚠ Bestuurlijk gevoelig: bespreek de keuze met je "
                   "bestuurlijk opdrachtgever voordat je haar met de partners deelt.</div>"
                   "<div class='wk-bron'>Jullie keuze mag afwijken van het advies; schrijf dan op waarom.</div>"),
            self._keuze, self._keuze_uitleg, self._onderbouwing, self._vastleggen, self._keuze_melding,
            self._vastgelegd,
            w.HTML(f"<div class='wk-bron'>Bron: {e(self._inhoud_rol.bron)}</div>"),
        ]
        self._keuze.observe(self._toon_keuze_uitleg, names="value")
        self._vastleggen.on_click(self._leg_keuze_vast)
        self.start()

    # -- loading --------------------------------------------------------------------------
    def laad(self, dossier_gewisseld: bool = True) -> None:
        versie = self._formulier.versie
        gegevens = self._formulier.laad()
        if dossier_gewisseld or self._formulier.versie != versie:
            self._toon(gegevens)
        if dossier_gewisseld:
            self._melding.wis()
            self._keuze_melding.wis()

    def _toon(self, gegevens: dict, *, met_keuzevelden: bool = True) -> None:
        """Show a saved form without saving it again."""
        antwoorden = _antwoorden(gegevens)
        for vraag_id, knoppen in self._vragen.items():
            index = antwoorden.get(vraag_id)
            self.toon(knoppen, index if index in [waarde for _tekst, waarde in knoppen.options] else None)
        if met_keuzevelden:
            keuze = Keuze.uit_dict(gegevens.get("keuze"))
            bekend = keuze is not None and regierol_type(self._inhoud_rol, keuze.type_id) is not None
            self._keuze.value = keuze.type_id if bekend else ""
            self._onderbouwing.value = keuze.onderbouwing if keuze else ""
        self._toon_keuze_uitleg()
        self._toon_advies()

    # -- showing --------------------------------------------------------------------------
    def _toon_advies(self) -> None:
        antwoorden = _antwoorden(self.gegevens)
        scores = advies(self._inhoud_rol, antwoorden)
        keuze = Keuze.uit_dict(self.gegevens.get("keuze"))
        self._advies.value = advies_html(self._inhoud_rol.vragen, scores, aantal_beantwoord(self._inhoud_rol,
                                                                                             antwoorden))
        self._vastgelegd.value = vastgelegd_html(keuze, self._inhoud_rol, hoogste(scores))

    def _toon_keuze_uitleg(self, _change=None) -> None:
        gekozen = regierol_type(self._inhoud_rol, self._keuze.value) if self._keuze.value else None
        self._keuze_uitleg.value = f"<div class='wk-bron'>{e(gekozen.omschrijving)}</div>" if gekozen else ""

    # -- saving ---------------------------------------------------------------------------
    def _bewaar(self, gegevens: dict) -> None:
        """Save the whole form on the version shown; after a colleague's save show theirs and say so."""
        try:
            self._formulier.bewaar(gegevens)
        except GelijktijdigGewijzigd:
            self._toon(self.gegevens)
            raise

    def _bewaar_antwoord(self, vraag_id: str, index: int | None) -> None:
        antwoorden = _antwoorden(self.gegevens)
        if index is None:
            antwoorden.pop(vraag_id, None)
        else:
            antwoorden[vraag_id] = index
        try:
            self._bewaar({**self.gegevens, "antwoorden": antwoorden})
        except Exception:
            self._toon(self.gegevens, met_keuzevelden=False)  # show what is really saved
            raise
        self._toon_advies()
        totaal = len(self._inhoud_rol.vragen)
        self._melding.ok(f"Antwoord opgeslagen. Je hebt {aantal_beantwoord(self._inhoud_rol, antwoorden)} van de "
                         f"{totaal} vragen beantwoord.")

    @veilig("_keuze_melding")
    def _leg_keuze_vast(self, _knop=None) -> None:
        keuze = controleer_keuze(self._inhoud_rol, self._keuze.value, self._onderbouwing.value, nu())
        self._bewaar({**self.gegevens, "keuze": keuze.als_dict()})
        self._onderbouwing.value = keuze.onderbouwing
        self._toon_advies()
        gekozen = regierol_type(self._inhoud_rol, keuze.type_id)
        self._keuze_melding.ok(f"Keuze vastgelegd: {gekozen.naam}.")
        self.context.gewijzigd()


def _antwoorden(gegevens: dict) -> dict:
    antwoorden = gegevens.get("antwoorden")
    return dict(antwoorden) if isinstance(antwoorden, dict) else {}


def advies_html(vragen, scores: list[tuple[RegierolType, int]], beantwoord: int) -> str:
    totaal = len(vragen)
    if beantwoord == 0:
        return ("<p><i>Beantwoord de vragen hierboven; het advies verschijnt na je eerste antwoord.</i></p>")
    voortgang = (f"Je hebt alle {totaal} vragen beantwoord." if beantwoord == totaal else
                 f"Je hebt {beantwoord} van de {totaal} vragen beantwoord; het advies kan nog veranderen.")
    delen = [f"<p class='wk-regierol-voortgang'>{voortgang}</p>"]
    top = hoogste(scores)
    if not top:
        delen.append("<p><i>De antwoorden tot nu toe wijzen nog niet naar een regierol.</i></p>")
    elif len(top) > 1:
        aantal = _TELWOORDEN.get(len(top), str(len(top)))
        namen = ", ".join(t.naam for t in top[:-1]) + " en " + top[-1].naam
        delen.append(
            f"<p role='status'><b>⚖ {aantal.capitalize()} typen scoren gelijk</b> ({scores[0][1]} punten): "
            f"{e(namen)}. Bespreek samen welke rol het best past.</p>"
        )
    else:
        delen.append(f"<p role='status'><b>Advies: {e(top[0].naam)}</b> ({scores[0][1]} punten).</p>")
    for rol_type in top:
        verwachtingen = "".join(f"<li>{e(v)}</li>" for v in rol_type.verwachtingen)
        valkuilen = "".join(f"<li>{e(v)}</li>" for v in rol_type.valkuilen)
        delen.append(
            f"<div class='wk-kaart wk-regierol-type'><b>{e(rol_type.naam)}</b><p>{e(rol_type.omschrijving)}</p>"
            f"<p>Wat partners van de gemeente mogen verwachten:</p><ul>{verwachtingen}</ul>"
            f"<p>Valkuilen:</p><ul>{valkuilen}</ul></div>"
        )
    hoogste_ids = {t.id for t in top}
    rijen = [[t.naam, str(p), "★ hoogste score" if t.id in hoogste_ids else ""] for t, p in scores]
    delen.append(tabel_html(["Regierol", "Punten", ""], rijen))
    return "".join(delen)


def vastgelegd_html(keuze: Keuze | None, inhoud_rol, top: list[RegierolType]) -> str:
    if keuze is None:
        return "<p><i>Nog geen keuze vastgelegd.</i></p>"
    gekozen = regierol_type(inhoud_rol, keuze.type_id)
    naam = gekozen.naam if gekozen else keuze.type_id
    wanneer = f" op {datum_nl(keuze.vastgelegd.astimezone())}" if keuze.vastgelegd else ""
    tekst = (f"<p role='status'>✔ <b>Vastgelegde keuze: {e(naam)}</b>{wanneer}.</p>"
             f"<p>Onderbouwing: {e(keuze.onderbouwing)}</p>")
    if top and keuze.type_id not in {t.id for t in top}:
        advies_namen = " of ".join(t.naam for t in top)
        tekst += (f"<p>ℹ Deze keuze wijkt af van het advies uit de vragen ({e(advies_namen)}). Dat mag: de "
                  "onderbouwing legt uit waarom.</p>")
    return f"<div class='wk-regierol-keuze-vast'>{tekst}</div>"
