"""Exercise 'Participatie- en communicatiestrategie' (fase 3): the participatievraag, what is fixed, the process,
recruitment, the moments per phase and the self-check against the five PAW principles, with a summary built from
what is saved.

The strategy is one versioned form per dossier, saved whole, like 'Passende participatievormen': every change is
checked and saved at once (and refused with a Dutch message, nothing saved, when it is not right); when a
colleague saved in between, the newest version is shown and the message says so.
"""

from __future__ import annotations

import ipywidgets as w

from ..analysis.participatie import (
    BRON_PAW,
    FASEN,
    PROCESONTWERP,
    RANDVOORWAARDEN,
    UITGANGSPUNTEN,
    VORMEN,
    WERVING,
    Moment,
    Participatiestrategie,
    controleer_strategie,
    lees_participatievormen,
    lees_strategie,
    maand_tekst,
    nieuw_id,
    samenvatting,
    strategie_als_dict,
    verwijder_moment,
    voeg_moment_toe,
    vraag_adviezen,
    zelftoets,
)
from ..dossier import GelijktijdigGewijzigd, formulieren
from .basis import Melding, e, knop, veilig
from .context import WerkboekContext
from .formulier import FormulierOefening
from .kaart import markdown_html
from .participatievormen import BREED_VELD, KNOP_BREEDTE, LABEL


class ParticipatiestrategieOefening(FormulierOefening):
    """The strategy as one form: participatievraag, frames, process, recruitment, moments per phase and the
    self-check against the five PAW principles; the summary under the form is built from what is saved."""

    KLASSE = "wk-oefening-participatiestrategie"
    SLEUTEL = formulieren.PARTICIPATIESTRATEGIE
    VERVERS_BIJ = ("dossier_id", "revisie")  # the subjects come from 'Passende participatievormen'

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        self._momenten: tuple[Moment, ...] = ()
        self._onderwerpen: list[str] = []
        # one message line per part of the form, so the answer to a change shows next to it; self._melding is
        # the one for the question, what is fixed and the frames
        self._melding_proces = Melding()
        self._melding_momenten = Melding()
        self._melding_toets = Melding()
        for melding, deel in ((self._melding, "vraag"), (self._melding_proces, "proces"),
                              (self._melding_momenten, "momenten"), (self._melding_toets, "toets")):
            melding.add_class(f"wk-participatiestrategie-melding-{deel}")

        def tekstvak(veld: str, label: str, placeholder: str, hoogte: str = "70px") -> w.Textarea:
            vak = w.Textarea(description=label, placeholder=placeholder, continuous_update=False, style=LABEL,
                             layout=w.Layout(width="760px", height=hoogte))
            vak.add_class(f"wk-participatiestrategie-{veld}")
            return vak

        self._vraag = tekstvak("vraag", "Participatievraag", "Waarover mogen bewoners meepraten of "
                               "meebeslissen, en binnen welke grenzen? Eindig met een vraagteken.", "80px")
        self._vraag_advies = w.HTML()
        self._vraag_advies.add_class("wk-participatiestrategie-vraag-advies")
        self._grenzen = tekstvak("grenzen", "Wat ligt vast", "bijv. de wijk gaat van het aardgas af vóór 2035; "
                                 "de gemeenteraad besluit over het wijkuitvoeringsplan")
        self._randvoorwaarden = {
            soort: tekstvak(f"randvoorwaarde-{soort}", f"Randvoorwaarden: {naam.lower()}", voorbeeld, "55px")
            for (soort, naam), voorbeeld in zip(RANDVOORWAARDEN.items(), (
                "bijv. capaciteit van het elektriciteitsnet, bouwjaar van de woningen",
                "bijv. besluiten van de raad, afspraken met de corporatie",
                "bijv. subsidie, budget voor het proces, woonlastenneutraal"), strict=True)}
        self._procesontwerp = w.Dropdown(description="Wie ontwerpt het proces", options=[
            ("— nog niet gekozen —", None)] + [(label, k) for k, label in PROCESONTWERP.items()], value=None,
            style=LABEL, layout=BREED_VELD)
        self._procesontwerp.add_class("wk-participatiestrategie-procesontwerp")
        self._werving = {k: w.Checkbox(description=label, indent=False, layout=w.Layout(width="180px"))
                         for k, label in WERVING.items()}
        for k, vinkje in self._werving.items():
            vinkje.add_class(f"wk-participatiestrategie-werving-{k}")
        self._vergoeding = w.Dropdown(description="Vergoeding voor deelnemers", options=[
            ("— nog niet besloten —", None), ("Ja", True), ("Nee", False)], value=None, style=LABEL,
            layout=w.Layout(width="460px"))
        self._vergoeding.add_class("wk-participatiestrategie-vergoeding")
        self._vergoeding_toelichting = w.Text(description="Toelichting vergoeding", continuous_update=False,
                                              placeholder="bijv. waardebon van € 25 per avond", style=LABEL,
                                              layout=BREED_VELD)
        self._vergoeding_toelichting.add_class("wk-participatiestrategie-vergoeding-toelichting")
        self._verwerking = tekstvak("verwerking", "Hoe verwerken we de inbreng", "bijv. elke reactie komt in een "
                                    "reactienota met wat we ermee doen")
        self._terugkoppeling = tekstvak("terugkoppeling", "Hoe koppelen we terug", "bijv. binnen vier weken een "
                                        "brief en een avond: wat we hoorden en wat we ermee deden")
        self._notities = {u.id: tekstvak(f"uitgangspunt-{u.id}", u.naam, u.vraag, "55px") for u in UITGANGSPUNTEN}
        self._signalen = {u.id: w.HTML(layout=w.Layout(margin="0 0 6px 248px")) for u in UITGANGSPUNTEN}
        for uid, signaal in self._signalen.items():
            signaal.add_class(f"wk-participatiestrategie-signaal-{uid}")

        self._lijst = w.VBox()
        self._lijst.add_class("wk-participatiestrategie-momenten")
        self._fase = w.Dropdown(description="Fase", options=[(label, f) for f, label in FASEN.items()], value=3,
                                style=LABEL, layout=w.Layout(width="560px"))
        self._fase.add_class("wk-participatiestrategie-fase")
        self._moment = w.Text(description="Moment", placeholder="bijv. Wijkavond over de warmteoplossing",
                              style=LABEL, layout=BREED_VELD)
        self._moment.add_class("wk-participatiestrategie-moment")
        self._doel = w.Text(description="Doel", placeholder="bijv. ophalen wat bewoners belangrijk vinden",
                            style=LABEL, layout=BREED_VELD)
        self._doel.add_class("wk-participatiestrategie-doel")
        self._vorm = w.Combobox(description="Vorm", options=[v.naam for v in VORMEN], ensure_option=False,
                                placeholder="kies of typ een vorm", style=LABEL, layout=BREED_VELD)
        self._vorm.add_class("wk-participatiestrategie-vorm")
        self._maand = w.Text(description="Maand (JJJJ-MM)", placeholder="bijv. 2026-09", style=LABEL,
                             layout=w.Layout(width="360px"))
        self._maand.add_class("wk-participatiestrategie-maand")
        self._moment_toevoegen = knop("Moment toevoegen", "wk-participatiestrategie-moment-toevoegen", icon="plus",
                                      layout=KNOP_BREEDTE)
        self._moment_toevoegen.on_click(self._voeg_moment_toe)
        self._samenvatting = w.HTML()
        self._samenvatting.add_class("wk-participatiestrategie-samenvatting")

        for melding_attr, velden in (
                ("_melding", [self._vraag, self._grenzen, *self._randvoorwaarden.values()]),
                ("_melding_proces", [self._procesontwerp, *self._werving.values(), self._vergoeding,
                                     self._vergoeding_toelichting, self._verwerking, self._terugkoppeling]),
                ("_melding_toets", list(self._notities.values()))):
            for veld in velden:
                self.bij_wijziging(veld, lambda _waarde, m=melding_attr: self._veld_gewijzigd(m))
        toets = []
        for u in UITGANGSPUNTEN:
            toets += [self._notities[u.id], self._signalen[u.id]]
        self.inhoud.children = [
            w.HTML("<p>Leg de strategie vast tot aan het wijkuitvoeringsplan: begin met een scherpe "
                   "participatievraag, dan de rest. Alles wordt meteen opgeslagen; de samenvatting staat "
                   "onderaan.</p>"),
            self._vraag, self._vraag_advies, self._grenzen, *self._randvoorwaarden.values(), self._melding,
            w.HTML("<h4>Het proces</h4>"), self._procesontwerp,
            w.HBox([w.HTML("<b>Werving</b> (meer mag):", layout=w.Layout(width="248px")),
                    *self._werving.values()]),
            self._vergoeding, self._vergoeding_toelichting, self._verwerking, self._terugkoppeling,
            self._melding_proces,
            w.HTML("<h4>Participatiemomenten per fase</h4>"
                   "<div class='wk-bron'>Gesorteerd op maand. Bouw voort op het communicatieplan uit fase 1."
                   "</div>"),
            self._lijst, self._fase, self._moment, self._doel, self._vorm,
            w.HBox([self._maand, self._moment_toevoegen]), self._melding_momenten,
            w.HTML("<h4>Toets aan de vijf uitgangspunten</h4><div class='wk-bron'>Schrijf per uitgangspunt hoe "
                   "jullie dat doen. Bron: PAW, Handreiking Participatie (vijf participatie-uitgangspunten)."
                   "</div>"),
            *toets, self._melding_toets,
            w.HTML("<h4>Samenvatting</h4>"), self._samenvatting,
            w.HTML(f"<div class='wk-bron'>Bron: {e(BRON_PAW)}. In eigen woorden.</div>"),
        ]
        self.start()

    # -- loading --------------------------------------------------------------------------
    def laad(self, dossier_gewisseld: bool = True) -> None:
        if dossier_gewisseld:
            for melding in (self._melding, self._melding_proces, self._melding_momenten, self._melding_toets):
                melding.wis()
        store, dossier_id = self.context.store, self.context.dossier_id
        vormen, _versie = store.formulier(dossier_id, formulieren.PARTICIPATIEVORMEN)
        self._onderwerpen = [o.naam for o in lees_participatievormen(vormen).onderwerpen]
        versie = self._formulier.versie
        gegevens = self._formulier.laad()
        if dossier_gewisseld or self._formulier.versie != versie:
            self._toon(gegevens)
        else:  # same version: what someone is typing stays
            self._toon_uitkomst()

    def _toon(self, gegevens: dict) -> None:
        """Show the saved strategy in the fields, without saving it again."""
        model = lees_strategie(gegevens)
        self.toon(self._vraag, model.vraag)
        self.toon(self._grenzen, model.grenzen)
        for soort, vak in self._randvoorwaarden.items():
            self.toon(vak, model.randvoorwaarde(soort))
        self.toon(self._procesontwerp, model.procesontwerp)
        for k, vinkje in self._werving.items():
            self.toon(vinkje, k in model.werving)
        self.toon(self._vergoeding, model.vergoeding)
        self.toon(self._vergoeding_toelichting, model.vergoeding_toelichting)
        self.toon(self._verwerking, model.verwerking)
        self.toon(self._terugkoppeling, model.terugkoppeling)
        for uid, vak in self._notities.items():
            self.toon(vak, model.notitie(uid))
        self._momenten = model.momenten
        self._toon_uitkomst()

    def _toon_uitkomst(self) -> None:
        opgeslagen = lees_strategie(self._formulier.gegevens)
        self._toon_momenten()
        adviezen_vraag = vraag_adviezen(self._vraag.value, self._onderwerpen)
        self._vraag_advies.value = "".join(
            f"<div class='wk-bron' style='margin-left: 248px'>⚠ {e(a)}</div>" for a in adviezen_vraag
        ) or "<div class='wk-bron' style='margin-left: 248px'>✔ Een echte vraag met een duidelijk onderwerp.</div>"
        for regel in zelftoets(opgeslagen):
            teken = {True: "✔", False: "⚠", None: ""}[regel.in_orde]
            self._signalen[regel.uitgangspunt.id].value = (
                f"<div class='wk-bron'>{teken} {e(regel.signaal)}</div>" if regel.signaal else "")
        tekst = samenvatting(opgeslagen, self._onderwerpen)
        self._samenvatting.value = ("<div class='wk-kaart' role='document' aria-label='Samenvatting van de "
                                    f"participatiestrategie'>{markdown_html(tekst)}</div>")

    def _toon_momenten(self) -> None:
        rijen = []
        for m in self._momenten:
            tekst = (f"<b>{e(maand_tekst(m.maand))}</b> · {e(FASEN[m.fase])} · {e(m.moment)}"
                     + (f" — doel: {e(m.doel)}" if m.doel else "") + (f" — vorm: {e(m.vorm)}" if m.vorm else ""))
            weg = knop("Verwijderen", "wk-participatiestrategie-moment-verwijderen", icon="trash",
                       tooltip=f"{m.moment} verwijderen")
            weg.on_click(lambda _k, i=m.id: self._verwijder_moment(i))
            rij = w.HBox([w.HTML(tekst, layout=w.Layout(width="800px")), weg])
            rij.add_class("wk-partij-rij")
            rijen.append(rij)
        self._lijst.children = rijen or [w.HTML("<i>Nog geen participatiemomenten.</i>")]

    # -- saving ---------------------------------------------------------------------------
    def _uit_velden(self) -> Participatiestrategie:
        return Participatiestrategie(
            vraag=self._vraag.value, grenzen=self._grenzen.value,
            randvoorwaarden={s: vak.value for s, vak in self._randvoorwaarden.items()},
            procesontwerp=self._procesontwerp.value,
            werving=tuple(k for k, vinkje in self._werving.items() if vinkje.value),
            vergoeding=self._vergoeding.value, vergoeding_toelichting=self._vergoeding_toelichting.value,
            verwerking=self._verwerking.value, terugkoppeling=self._terugkoppeling.value,
            momenten=self._momenten, notities={uid: vak.value for uid, vak in self._notities.items()},
        )

    def _veld_gewijzigd(self, melding_attr: str) -> None:
        """A person changed a field: save the whole form; success or refusal shows in the message line of its
        part."""
        veilig(melding_attr)(type(self)._bewaar_velden)(self, melding_attr)

    def _bewaar_velden(self, melding_attr: str) -> None:
        self._opslaan(self._uit_velden(), getattr(self, melding_attr), "Opgeslagen.")

    @veilig("_melding_momenten")
    def _voeg_moment_toe(self, _knop=None) -> None:
        moment = Moment(nieuw_id("m"), self._fase.value, self._moment.value, self._maand.value, self._doel.value,
                        self._vorm.value)
        self._opslaan(voeg_moment_toe(self._uit_velden(), moment), self._melding_momenten, "Moment toegevoegd.")
        self._moment.value = self._doel.value = self._vorm.value = self._maand.value = ""

    @veilig("_melding_momenten")
    def _verwijder_moment(self, moment_id: str) -> None:
        self._opslaan(verwijder_moment(self._uit_velden(), moment_id), self._melding_momenten, "Moment verwijderd.")

    def _opslaan(self, model: Participatiestrategie, melding: Melding, tekst: str) -> None:
        """Check and save ``model``; raises WerkboekFout for the caller's @veilig (nothing is saved then)."""
        schoon = controleer_strategie(model)
        gegevens = strategie_als_dict(schoon)
        if self._formulier.versie and gegevens == strategie_als_dict(lees_strategie(self._formulier.gegevens)):
            self._toon_uitkomst()
            melding.ok(tekst)
            return
        try:
            self._formulier.bewaar(gegevens)
        except GelijktijdigGewijzigd:
            self._toon(self._formulier.gegevens)  # the colleague's newer version
            raise
        self._momenten = schoon.momenten
        self._toon_uitkomst()
        melding.ok(tekst)
        self.bewaard()
