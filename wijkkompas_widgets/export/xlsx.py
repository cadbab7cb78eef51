"""The dossier as an Excel workbook: one sheet per exercise, for people who want to sort, filter and count.

Every sheet has a bold header row that stays in view, an autofilter, column widths that fit, and real types:
numbers as numbers, moments as dates, yes/no as 'ja'/'nee'. Text is always stored as text, so a name that
starts with '=' never runs as a formula. A sheet 'Over dit bestand' comes first with the dossier, the date and
the sources. What the sheets hold is read and worked out exactly as the report does it (``leesmodel/dossier.py``).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ..analysis.opgaven import beoordelingen_uit_dict
from ..analysis.partijen import KWADRANTEN, kwadrant, salience_niveau, salience_type
from ..analysis.planning_bestand import KOPPEN as PLANNING_KOPPEN
from ..analysis.planning_bestand import _rij as planning_rij
from ..analysis.wijkprofiel import getal_tekst
from ..cbs.kolommen import INDICATOR
from ..content import SPOOR_LETTERS
from ..dossier import formulieren
from ..dossier.records import BESLUIT_SOORT_LABELS, HOUDINGEN, ROL_LABELS
from ..leesmodel.dossier import DossierVerzameling
from ..leesmodel.koppelkansen import criterium_label
from ..teksten import NOG_NIET_INGEVULD as NOG_NIET
from ..teksten import RAPPORT_TITEL as TITEL
from .deel_besluitvorming import blad_besluitvorming
from .deel_inspraak import blad_inspraak
from .deel_participatie import blad_participatie
from .deel_wup import blad_concept_wup, blad_te_verbinden
from .werkblad import DATUM, DATUMTIJD, EURO, PROCENT, Blad, bladnaam

_MIN_BREEDTE, _MAX_BREEDTE = 8, 60
_KOP = Font(bold=True)
_TERUGLOOP = Alignment(wrap_text=True, vertical="top")


def _waarde(waarde: object) -> object:
    """A value as a cell takes it: booleans as 'ja'/'nee', moments without time zone (Excel has none; the
    local time, as the app shows it), text without characters a workbook cannot hold."""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, datetime):
        return waarde.astimezone().replace(tzinfo=None) if waarde.tzinfo else waarde
    if isinstance(waarde, str):
        return ILLEGAL_CHARACTERS_RE.sub("", waarde)
    return waarde


def _ja_nee(waarde: bool | None) -> str | None:
    return None if waarde is None else ("ja" if waarde else "nee")


# -- the sheets ---------------------------------------------------------------------------------
def _partijen(v: DossierVerzameling) -> Blad:
    typen = {t.id: t.naam for t in v.inhoud.partijtypen}
    return Blad(
        ["Partij", "Soort", "Organisatie", "Contactpersoon (rol)", "Sporen",
         *(f"Spoor {letter}" for letter in SPOOR_LETTERS), "Ambitie", "Capaciteit (uur per maand)"],
        [[p.naam, typen.get(p.type, p.type), p.organisatie, p.contactrol, ", ".join(p.sporen),
          *(letter in p.sporen for letter in SPOOR_LETTERS), p.ambitie, p.capaciteit_uren] for p in v.partijen],
    )


def _macht_en_belang(v: DossierVerzameling) -> Blad:
    typen = v.inhoud.fase1.salience
    rijen = []
    for p in v.partijen:
        gekozen = kwadrant(p.invloed, p.belang) if p.geplaatst else None
        salience = salience_type(typen, p.macht, p.legitimiteit, p.urgentie) if p.salience_beoordeeld else None
        rijen.append([
            p.naam, p.invloed, p.belang, gekozen.naam if gekozen else "nog niet geplaatst",
            gekozen.aanpak if gekozen else None, _ja_nee(p.macht), _ja_nee(p.legitimiteit), _ja_nee(p.urgentie),
            salience.naam if salience else None,
            salience_niveau(p.macht, p.legitimiteit, p.urgentie) if salience else None,
        ])
    return Blad(["Partij", "Invloed (1–10)", "Belang (1–10)", "Kwadrant", "Aanpak", "Macht", "Legitimiteit",
                 "Urgentie", "Saillantietype", "Saillantie"], rijen,
                noot=f"Kwadranten: {', '.join(k.naam for k in KWADRANTEN.values())}; vanaf 6 telt als hoog.")


def _belangen(v: DossierVerzameling) -> Blad:
    eigen = {b.id for b in v.eigen_belangen}
    volgorde = {bid: i for i, bid in enumerate(v.belangnamen)}
    partijvolgorde = {p.id: i for i, p in enumerate(v.partijen)}
    cellen = sorted((c for c in v.partij_belangen if c.partij_id in v.partijnamen),
                    key=lambda c: (partijvolgorde[c.partij_id], volgorde.get(c.belang_id, len(volgorde))))
    return Blad(["Partij", "Belang", "Eigen belang van dit dossier", "Houding", "Topprioriteit"], [
        [v.partijnamen[c.partij_id], v.belangnamen.get(c.belang_id, c.belang_id), c.belang_id in eigen,
         HOUDINGEN.get(c.houding, c.houding), c.prioriteit] for c in cellen])


def _rollen(v: DossierVerzameling) -> Blad:
    taken = {t.id: t for t in v.taken}
    volgorde = {t.id: i for i, t in enumerate(v.taken)}
    partijvolgorde = {p.id: i for i, p in enumerate(v.partijen)}
    rollen = sorted((r for r in v.rollen if r.taak_id in taken and r.partij_id in v.partijnamen),
                    key=lambda r: (volgorde[r.taak_id], partijvolgorde[r.partij_id]))
    return Blad(["Taak", "Spoor", "Partij", "Rol", "Uren per maand"], [
        [taken[r.taak_id].naam, taken[r.taak_id].spoor, v.partijnamen[r.partij_id], ROL_LABELS.get(r.rol, r.rol),
         r.uren_per_maand] for r in rollen])


def _scan(v: DossierVerzameling) -> Blad:
    scan = v.inhoud.fase1.scan
    factoren = {f.id: f.naam for f in scan.factoren}
    labels = dict(scan.schaal)
    rijen = []
    for ronde in v.scan_rondes:
        for respons in v.scan_responsen[ronde.id]:
            for nummer, stelling in enumerate(scan.stellingen, start=1):
                if stelling.id not in respons.antwoorden:
                    antwoord, betekenis = None, "niet beantwoord"
                elif respons.antwoorden[stelling.id] is None:
                    antwoord, betekenis = "weet niet", scan.weet_niet
                else:
                    antwoord = respons.antwoorden[stelling.id]
                    betekenis = labels.get(antwoord, "")
                rijen.append([ronde.naam, ronde.is_gesloten, respons.naam, respons.organisatie,
                              "ingediend" if respons.is_ingediend else "concept", nummer,
                              factoren.get(stelling.factor, stelling.factor), stelling.tekst, antwoord, betekenis])
    return Blad(["Ronde", "Ronde gesloten", "Naam", "Organisatie", "Status", "Nr.", "Factor", "Stelling",
                 "Antwoord (1–5)", "Betekenis"], rijen,
                noot="Alleen ingediende antwoordenlijsten tellen mee in de resultaten; 'weet niet' is geen score.")


def _wijkprofiel(v: DossierVerzameling) -> Blad:
    profiel = v.profiel
    koppen = ["Groep", "Cijfer", "Eenheid", "Wijk", "Gemeente", "Nederland"]
    if profiel is None:
        return Blad(koppen, [], noot=NOG_NIET)

    def getal(key: str, waarde: float | None) -> float | None:
        """The figure as the profile shows it, in the unit of 'Eenheid' (CBS gives WOZ and income in thousands;
        the Dutch total is computed, so it is rounded like the others)."""
        if waarde is None:
            return None
        ind = INDICATOR[key]
        return round(waarde, ind.decimalen) * ind.factor

    rijen = [[INDICATOR[x.key].groep, x.label, x.eenheid, getal(x.key, x.wijk), getal(x.key, x.gemeente),
              getal(x.key, x.nederland)] for x in profiel.regels]
    waar = profiel.naam + (f" (gemeente {profiel.gemeentenaam})" if profiel.gemeentenaam else "")
    return Blad(koppen, rijen,
                noot=f"Wijk: {waar}. {profiel.bron}. Nederland: berekend uit alle gemeenten. Een leeg vak: het CBS "
                     "geeft dit cijfer niet. Licentie CBS open data: CC BY 4.0.")


def _transitieopgaven(v: DossierVerzameling) -> Blad:
    opgaven = list(v.inhoud.opgaven)
    beoordelingen = beoordelingen_uit_dict(v.formulier(formulieren.TRANSITIEOPGAVEN), [o.id for o in opgaven])
    urgentie = {n.waarde: n.label for n in v.inhoud.fase2.urgentie}
    ambitie = {n.waarde: n.label for n in v.inhoud.fase2.ambitie}
    return Blad(["Opgave", "Urgentie (1–5)", "Urgentie", "Ambitie (1–5)", "Ambitie", "Toelichting"], [
        [o.naam, b.urgentie, urgentie.get(b.urgentie), b.ambitie, ambitie.get(b.ambitie), b.toelichting]
        for o in opgaven for b in [beoordelingen[o.id]]])


def _planning(v: DossierVerzameling) -> Blad:
    """The same columns and values as the planning register's own Excel file (``planning_bestand``), so this
    sheet can be read back into the register."""
    return Blad(list(PLANNING_KOPPEN), [list(planning_rij(werk)) for werk in v.werken])


def _koppelkansen(v: DossierVerzameling) -> Blad:
    rangschikking = v.koppelkansen_rangschikking
    herkomst = {k.id: k.herkomst_label for k in v.koppelkansen}
    besluiten = {"gekozen": "gekozen", "niet": "niet gekozen"}
    rijen = [
        [k.plaats, k.titel, herkomst.get(k.kans_id, ""), *(k.scores.get(c) for c in rangschikking.criteria),
         float(k.gemiddelde) if k.gemiddelde is not None else None, k.in_top, besluiten.get(k.besluit, "open"),
         k.reden]
        for k in (*rangschikking.gerangschikt, *rangschikking.onvolledig)]
    aantal = len(rangschikking.criteria)
    return Blad(["Plaats", "Koppelkans", "Herkomst", *(criterium_label(c) for c in rangschikking.criteria),
                 "Gemiddelde", "In de top 3", "Besluit", "Reden"], rijen, {3 + aantal: "0.0"},
                noot="Scores 1–5, hoger is beter; een leeg vak is nog niet gescoord (geen plaats in de ranglijst).")


def _criteria_en_weging(v: DossierVerzameling) -> Blad:
    criteria = v.criteria
    rijen = []
    for partij in v.partijen:
        punten = v.wegingen.get(partij.id, {})
        totaal = sum(punten.values())
        for c in criteria:
            if c.id in punten:
                rijen.append([partij.naam, c.naam, punten[c.id], punten[c.id] / totaal if totaal else None])
    vast = v.vastzetting
    if vast is not None:
        rijen += [["Gezamenlijk (vastgezet)", vast.criteria.get(c, str(c)), None, g] for c, g in vast.gewichten.items()]
    noot = ("Aandeel: het deel van de punten van die partij. 'Gezamenlijk (vastgezet)': de gewichten zoals ze zijn "
            "vastgezet." if vast is not None else "De weging is nog niet vastgezet.")
    return Blad(["Partij", "Criterium", "Punten", "Aandeel"], rijen, {3: PROCENT}, noot=noot)


def _scores(v: DossierVerzameling) -> Blad:
    stand = v.stand
    scores = stand.scores
    return Blad(["Strategie", "Warmtestrategie", "Criterium", "Score (1–5)", "Toelichting"], [
        [s.naam, s.warmtestrategie, c.naam, *scores.get(s.id, {}).get(c.id, (None, ""))]
        for s in stand.strategieen for c in stand.criteria], noot="Een leeg vak is nog niet gescoord.")


def _rangorde(v: DossierVerzameling) -> Blad:
    stand = v.stand
    rangschikking = stand.rangschikking
    koppen = ["Plaats", "Strategie", "Warmtestrategie", "Gewogen score", "Aandeel eerste plaats (gevoeligheid)",
              "Gekozen"]
    if rangschikking is None:
        return Blad(koppen, [], noot=stand.reden or NOG_NIET)
    warmte = {s.naam: s.warmtestrategie for s in stand.strategieen}
    gekozen = v.keuze.naam if v.keuze is not None else None
    gevoeligheid = v.gevoeligheid
    rijen = [[rangschikking.rang[s], s, warmte.get(s), rangschikking.totaal[s],
              gevoeligheid.aandeel_eerste.get(s) if gevoeligheid else None, s == gekozen]
             for s in rangschikking.volgorde]
    noot = rangschikking.samenvatting()
    if gevoeligheid is not None:
        noot += f" Gevoeligheid: {gevoeligheid.oordeel} (startgetal {gevoeligheid.seed})."
    return Blad(koppen, rijen, {3: "0.00", 4: PROCENT}, noot=noot)


def _woonlasten(v: DossierVerzameling) -> Blad:
    koppen = ["Huishouden", "Kostenpost", "Voor (€ per maand)", "Na (€ per maand)", "Verschil (€ per maand)",
              "Telt mee in de definitie", "Oordeel voor dit huishouden"]
    if v.inhoud.fase34 is None:
        return Blad(koppen, [], noot=NOG_NIET)
    definitie, marge, strategie, uitkomsten = v.woonlasten
    rijen = []
    for _id, naam, toets in uitkomsten:
        verschillen = toets.verschil_per_post()
        for post in toets.posten:
            rijen.append([naam, toets.naam(post), toets.voor.get(post), toets.na.get(post), verschillen[post],
                          post in toets.definitie, toets.oordeel])
    marge_tekst = f", marge € {getal_tekst(marge, 2)} per maand" if marge else ""
    voor = f" Voor de strategie: {strategie}." if strategie else ""
    return Blad(koppen, rijen, {2: EURO, 3: EURO, 4: EURO},
                noot=f"Definitie: {definitie.naam}{marge_tekst}.{voor}" if rijen else NOG_NIET)


def _besluiten(v: DossierVerzameling) -> Blad:
    nummers = v.besluitnummers
    return Blad(["Nr.", "Datum", "Soort", "Wat", "Wie waren erbij", "Vastgelegd door", "Onderbouwing", "Knooppunt",
                 "Afwijkend standpunt", "Corrigeert nr.", "Gecorrigeerd door"], [
        [b.volgnummer, b.moment, BESLUIT_SOORT_LABELS.get(b.soort, b.soort), b.wat, b.aanwezig, b.auteur,
         b.onderbouwing,
         v.knooppunt_titel(b.knooppunt_id), b.afwijkend, nummers.get(b.corrigeert_id) if b.corrigeert_id else None,
         ", ".join(f"nr. {nummers[i]}" for i in b.gecorrigeerd_door if i in nummers)]
        for b in v.besluiten], {1: DATUMTIJD},
        noot="Het besluitenlog groeit alleen: een correctie is een nieuw besluit, het oude blijft staan.")


# (sheet name, what it holds, how it is made), in the order of the werkboek
BLADEN: tuple[tuple[str, str, Callable[[DossierVerzameling], Blad]], ...] = (
    ("Partijen", "de partijen aan tafel en hun sporen", _partijen),
    ("Macht en belang", "invloed, belang en saillantie per partij", _macht_en_belang),
    ("Belangen", "de belangen per partij", _belangen),
    ("Rollen", "wie welke rol heeft bij welke taak", _rollen),
    ("Scan", "alle antwoorden van de samenwerkingsscan, per persoon en stelling", _scan),
    ("Wijkprofiel", "de CBS-cijfers van de wijk, de gemeente en Nederland", _wijkprofiel),
    ("Transitieopgaven", "urgentie en ambitie per opgave", _transitieopgaven),
    ("Planning", "het register van bestaande planningen", _planning),
    ("Koppelkansen", "de koppelkansen met hun scores en besluit", _koppelkansen),
    ("Participatievormen", "invloed, vormen en kanaal per doelgroep en onderwerp", blad_participatie),
    ("Besluitvorming", "de besluitvormingsplanning van de partners", blad_besluitvorming),
    ("Criteria en weging", "de punten van elke partij per criterium", _criteria_en_weging),
    ("Scores", "de score van elke strategie per criterium", _scores),
    ("Rangorde", "de rangschikking van de strategieën", _rangorde),
    ("Woonlasten", "de woonlastentoets per huishouden en kostenpost", _woonlasten),
    ("Te verbinden opgaven", "het besluit over elke koppelkans voor het wijkuitvoeringsplan", blad_te_verbinden),
    ("Inspraakreacties", "de inspraakreacties en wat ermee is gedaan", blad_inspraak),
    ("Concept-WUP", "het standpunt van elke partner over het concept-wijkuitvoeringsplan", blad_concept_wup),
    ("Besluiten", "het besluitenlog", _besluiten),
)


# -- writing ------------------------------------------------------------------------------------
def _schrijf(blad, inhoud: Blad) -> None:
    blad.append([_waarde(k) for k in inhoud.koppen])
    for cel in blad[1]:
        cel.font = _KOP
        cel.data_type = "s"  # an own criterion called '=…' is a header, not a formula
    for rij in inhoud.rijen:
        blad.append([_waarde(x) for x in rij])
    breedtes = [len(str(k)) + 2 for k in inhoud.koppen]
    for rij in blad.iter_rows(min_row=2):
        for index, cel in enumerate(rij):
            if isinstance(cel.value, str):
                cel.data_type = "s"  # text stays text, also when it starts with '='
                breedtes[index] = max(breedtes[index], max(len(r) for r in cel.value.split("\n")) + 1)
            elif isinstance(cel.value, datetime):
                cel.number_format = inhoud.formaten.get(index, DATUMTIJD)
                breedtes[index] = max(breedtes[index], 17)
            elif isinstance(cel.value, date):
                cel.number_format = inhoud.formaten.get(index, DATUM)
                breedtes[index] = max(breedtes[index], 11)
            elif cel.value is not None:
                if index in inhoud.formaten:
                    cel.number_format = inhoud.formaten[index]
                breedtes[index] = max(breedtes[index], len(str(cel.value)) + 2)
    for index, breedte in enumerate(breedtes):
        letter = get_column_letter(index + 1)
        blad.column_dimensions[letter].width = min(max(breedte, _MIN_BREEDTE), _MAX_BREEDTE)
        if breedte > _MAX_BREEDTE:
            for (cel,) in blad.iter_rows(min_row=2, min_col=index + 1, max_col=index + 1):
                cel.alignment = _TERUGLOOP
    laatste = get_column_letter(len(inhoud.koppen))
    blad.auto_filter.ref = f"A1:{laatste}{max(blad.max_row, 1)}"
    blad.freeze_panes = "A2"
    noot = inhoud.noot
    if not inhoud.rijen and not noot.startswith(NOG_NIET):
        noot = f"{NOG_NIET} {noot}".strip()
    if noot:
        cel = blad.cell(row=blad.max_row + 2, column=1, value=_waarde(noot))
        cel.data_type = "s"
        cel.font = Font(italic=True)


def _over(v: DossierVerzameling, namen: list[tuple[str, str]]) -> Blad:
    dossier = v.dossier
    rijen: list[list[object]] = [
        ["Titel", f"{TITEL}: het werkboek bij het rapport"],
        ["Dossier", dossier.naam],
        ["Wijk", dossier.wijk or "nog niet ingevuld"],
        ["Gemeente", dossier.gemeente or "nog niet ingevuld"],
        ["Gemaakt op", date.today()],
        ["Gemaakt met", "Wijkkompas werkboek"],
    ]
    if dossier.is_voorbeeld:
        rijen.append(["Let op", "Dit is het voorbeelddossier: de wijkcijfers zijn echt, de partijen, antwoorden en "
                                "planningen zijn verzonnen."])
    rijen += [[f"Blad '{naam}'", wat] for naam, wat in namen]
    rijen += [[f"Bron: {wat}", bron] for wat, bron in v.bronnen()]
    return Blad(["Onderdeel", "Inhoud"], rijen, {1: DATUM})


def exporteer_xlsx(store, dossier_id: str) -> bytes:
    """The workbook of one dossier as .xlsx bytes. Raises ``OnbekendDossier`` (a WerkboekFout) for an unknown
    dossier; an empty dossier gives every sheet with its header and 'Nog niet ingevuld.'"""
    verzameling = DossierVerzameling(store, dossier_id)
    boek = Workbook()
    eerste = boek.active
    eerste.title = bladnaam("Over dit bestand")
    for naam, _wat, maker in BLADEN:
        _schrijf(boek.create_sheet(bladnaam(naam)), maker(verzameling))
    _schrijf(eerste, _over(verzameling, [(bladnaam(naam), wat) for naam, wat, _maker in BLADEN]))
    boek.properties.title = f"{TITEL} · {verzameling.dossier.naam}"[:250]
    boek.properties.creator = "Wijkkompas werkboek"
    boek.properties.language = "nl-NL"
    buffer = io.BytesIO()
    boek.save(buffer)
    return buffer.getvalue()
