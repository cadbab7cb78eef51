"""The dossier as a Word report: 'Bouwstenen voor het wijkuitvoeringsplan'.

A title page, then per phase every knooppunt with its status and the outcome of its exercise(s) in plain
Dutch: tables with a header row, and the charts as images (15 cm wide, with alt text). Then the besluitenlog,
the newest part of the change history and the sources. Everything shown is computed by the same analysis
functions and drawn by the same chart builders as in the app (see ``leesmodel/dossier.py``); each chart is drawn
once. User text goes in as text (python-docx escapes it), so a party called ``<script>`` stays a name. A
knooppunt without data says 'Nog niet ingevuld.'
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.shared import Cm

from ..analysis.afsprakennota import Afspraken, afsprakennota, datum_nl
from ..analysis.beeld import OORDEEL_SYMBOOL, lees_uitspraken, werkvormen
from ..analysis.doel import Doel
from ..analysis.domeinen import domein_opgave_matrix, lees_formulier, opgaven_zonder_sociale_partner
from ..analysis.koppelkansen import BRON as BRON_KOPPELKANSEN
from ..analysis.mca import gezamenlijke_gewichten, grote_verschillen, procent
from ..analysis.opgaven import aandachtspunten, beoordelingen_uit_dict, ingevuld
from ..analysis.opgavenmatrix import lees_matrix, samenvatting, teken
from ..analysis.partijen import aanpak_per_partij, spoordekking
from ..analysis.planning import BINNENKORT_JAREN, tijdstatus, werken_binnenkort
from ..analysis.planning import BRON as BRON_PLANNING
from ..analysis.regierol import Keuze as RegierolKeuze
from ..analysis.regierol import aantal_beantwoord, advies, hoogste, regierol_type
from ..analysis.rollen import belasting_per_partij, signalen, uren_tekst
from ..analysis.warmtestrategieen import status_strategieen
from ..analysis.wijkprofiel import opmaak
from ..analysis.woonlasten import euro
from ..cbs.data import NL_LABEL
from ..cbs.kolommen import GROEPEN, INDICATOR
from ..charts.belangen import belangen_figuur
from ..charts.koppelkansen import koppelkansen_figuur
from ..charts.machtbelang import machtbelang_figuur
from ..charts.mca import gevoeligheid_figuur, partijen_figuur, rangschikking_figuur
from ..charts.opgaven import opgaven_figuur
from ..charts.opgavenmatrix import opgavenmatrix_figuur
from ..charts.planning import tijdlijn
from ..charts.rollen import rollen_figuur
from ..charts.scan import radar_figuur
from ..charts.weging import wegingen_figuur
from ..charts.wijkprofiel import wijk_dna
from ..charts.woonlasten import woonlasten_figuur
from ..dossier import formulieren
from ..dossier.model import STATUS_LABELS
from ..dossier.records import ROL_LABELS, ZEKERHEID_LABELS
from ..leesmodel import belangen as belangen_lees
from ..leesmodel import doel as doel_lees
from ..leesmodel import geschiedenis as geschiedenis_lees
from ..leesmodel import partijen as partijen_lees
from ..leesmodel import rollen as rollen_lees
from ..leesmodel import scan as scan_lees
from ..leesmodel.afweging import (
    PERCENTAGES_UITLEG,
    afgesproken_gewichten,
    gevoeligheid_alt,
    herhaalbaar_tekst,
    plaatsen,
    rangschikking_alt,
    volgorde_per_partij,
    winnaars_op_duurzaam_gas,
)
from ..leesmodel.besluitenlog import KOPPEN, datum, log_rijen
from ..leesmodel.dossier import DossierVerzameling
from ..leesmodel.fysieke_kenmerken import ZEKERHEID_LABEL, lees_antwoorden
from ..leesmodel.koppelkansen import (
    GEEN_RANGLIJST,
    figuur_alt,
    gedeelde_top_zin,
    onvolledig_regels,
    ranglijst_koppen,
    ranglijst_rijen,
)
from ..leesmodel.opgavenmatrix import figuur_alt as matrix_alt
from ..leesmodel.opgavenmatrix import lijsten as matrix_lijsten
from ..leesmodel.opgavenmatrix import waarden as matrix_waarden
from ..leesmodel.planning import samenvallen, waarom_een_kans, wanneer, werkregel
from ..leesmodel.warmtestrategieen import KOPPEN as STRATEGIE_KOPPEN
from ..leesmodel.warmtestrategieen import strategie_rij
from ..leesmodel.wijkprofiel import alleen_gemeente, dna_alt, kolomkoppen
from ..leesmodel.woonlasten import oordeel_tekst, woonlasten_alt
from ..teksten import BESTUURLIJK_GEVOELIG
from ..teksten import RAPPORT_TITEL as TITEL
from .deel_besluitvorming import docx_besluitvorming
from .deel_inspraak import docx_inspraak
from .deel_participatie import docx_participatiestrategie, docx_participatievormen
from .deel_wup import docx_concept_wup, docx_te_verbinden
from .rapport import GEEN, Rapport, schoon

GEEN_OEFENING = ("Bij dit knooppunt hoort geen oefening in het werkboek; het team houdt hier alleen de status "
                 "bij.")


# == phase 1 ==================================================================================
def _partijen(r: Rapport, v: DossierVerzameling) -> bool:
    partijen = v.partijen
    if not partijen:
        return False
    typen = {t.id: t.naam for t in v.inhoud.partijtypen}
    r.tabel(["Partij", "Soort", "Organisatie", "Contactpersoon (rol)", "Sporen"], [
        [p.naam, typen.get(p.type, p.type), p.organisatie or GEEN, p.contactrol or GEEN,
         ", ".join(p.sporen) or "geen spoor"] for p in partijen
    ])
    r.tussenkop("Welke sporen zijn vertegenwoordigd?")
    dekking = spoordekking(partijen)
    ontbrekend = [letter for letter, namen in dekking.items() if not namen]
    r.alinea(f"{partijen_lees.ontbrekende_sporen_zin(ontbrekend)} Een wijkaanpak heeft alle sporen nodig."
             if ontbrekend else partijen_lees.ALLE_SPOREN)
    r.tabel(["Spoor", "Naam", "Vertegenwoordigd door"], [
        [letter, v.inhoud.spoor(letter).naam, ", ".join(namen) if namen else "✖ nog niemand"]
        for letter, namen in dekking.items()
    ])
    return True


def _invloed_en_belang(r: Rapport, v: DossierVerzameling) -> bool:
    partijen = v.partijen
    geplaatst = [(p.naam, p.invloed, p.belang) for p in partijen if p.geplaatst]
    beoordeeld = [p for p in partijen if p.salience_beoordeeld]
    if not geplaatst and not beoordeeld:
        return False
    if geplaatst:
        r.figuur(machtbelang_figuur(geplaatst), partijen_lees.raster_alt(geplaatst), "Macht/belang-raster")
        rijen = []
        for regel in aanpak_per_partij(partijen):
            if regel.kwadrant is None:
                rijen.append([regel.partij, GEEN, GEEN, "nog niet geplaatst", GEEN])
            else:
                rijen.append([regel.partij, regel.invloed, regel.belang, regel.kwadrant.naam, regel.kwadrant.aanpak])
        r.tabel(["Partij", "Invloed", "Belang", "Kwadrant", "Aanpak"], rijen)
    if beoordeeld:
        typen = v.inhoud.fase1.salience
        r.tussenkop("Saillantie: macht, legitimiteit en urgentie")
        rijen = []
        for p in beoordeeld:
            gekozen, niveau = partijen_lees.salience_uitkomst(typen, p)
            kenmerken = [naam for naam, aan in (("macht", p.macht), ("legitimiteit", p.legitimiteit),
                                                ("urgentie", p.urgentie)) if aan]
            rijen.append([p.naam, ", ".join(kenmerken) or "geen", f"{gekozen.naam} (saillantie: {niveau})",
                          gekozen.aanpak])
        r.tabel(["Partij", "Kenmerken", "Type", "Zo betrek je haar"], rijen)
    return True


def _ambities_en_belangen(r: Rapport, v: DossierVerzameling) -> bool:
    ambities = [(p.naam, p.ambitie) for p in v.partijen if p.ambitie]
    cellen = v.partij_belangen
    if not ambities and not cellen:
        return False
    if ambities:
        r.tussenkop("Ambities")
        r.tabel(["Partij", "Ambitie"], ambities)
    if not cellen:
        return True
    namen, belangnamen = v.partijnamen, v.belangnamen
    gebruikt = belangen_lees.gebruikte_belangen(list(belangnamen), cellen)
    kolommen = [p.id for p in v.partijen]
    r.figuur(belangen_figuur([namen[k] for k in kolommen], [belangnamen[b] for b in gebruikt],
                             belangen_lees.figuurcellen(kolommen, gebruikt, cellen)),
             belangen_lees.grafiek_alt(cellen, namen, belangnamen), "Belangen per partij")
    conflictparen = [(c.a, c.b, c.toelichting) for c in v.inhoud.fase1.conflicten]
    r.tussenkop(belangen_lees.GEDEELD_KOP)
    r.lijst_of(belangen_lees.gedeeld_zinnen(cellen, namen, belangnamen), belangen_lees.GEEN_GEDEELD)
    r.tussenkop(belangen_lees.BOTSEN_KOP)
    r.lijst_of(belangen_lees.botsing_zinnen(cellen, namen, belangnamen, conflictparen), belangen_lees.GEEN_BOTSING)
    r.tussenkop(belangen_lees.KANSEN_KOP)
    r.lijst_of(belangen_lees.kansen_zinnen(cellen, namen, belangnamen), belangen_lees.GEEN_KANSEN)
    return True


def _doel(r: Rapport, v: DossierVerzameling) -> bool:
    doel = Doel.uit_dict(v.formulier(formulieren.DOEL))
    if doel is None:
        return False
    r.alinea(doel_lees.doel_titel(doel), vet=doel_lees.ONS_DOEL)
    if doel.criteria:
        r.alinea(doel_lees.ZO_METEN)
        r.lijst(doel.criteria)
    if doel.woonlastenneutraal:
        r.alinea(f"{doel_lees.VOLGENS_DEFINITIE}{doel.woonlasten_definitie}", vet=f"{doel_lees.WOONLASTENNEUTRAAL}, ")
    return True


def _rollen(r: Rapport, v: DossierVerzameling) -> bool:
    taken, partijen, rollen = v.taken, v.partijen, v.rollen
    if not taken and not any(p.capaciteit_uren is not None for p in partijen):
        return False
    namen, per_taak = v.partijnamen, {}
    for rol in rollen:
        if rol.partij_id in namen:
            per_taak.setdefault(rol.taak_id, []).append(
                f"{namen[rol.partij_id]}: {ROL_LABELS.get(rol.rol, rol.rol).lower()} "
                f"({uren_tekst(rol.uren_per_maand)} uur per maand)")
    if taken:
        r.tussenkop("Wie doet wat?")
        r.tabel(["Taak", "Spoor", "Rollen en uren"],
                [[t.naam, t.spoor, "; ".join(per_taak.get(t.id, [])) or "nog niemand"] for t in taken])
        spoornamen = {s.letter: s.naam for s in v.inhoud.sporen}
        punten = signalen(taken, partijen, rollen, spoornamen)
        r.tussenkop("Aandachtspunten")
        if punten:
            r.lijst(p.tekst for p in punten)
        else:
            r.alinea(rollen_lees.GEEN_AANDACHTSPUNTEN)
    belasting = belasting_per_partij(partijen, rollen)
    if belasting:
        r.tussenkop("Inzet tegenover capaciteit")
        r.tabel(rollen_lees.TOTALEN_KOPPEN, rollen_lees.totalen_rijen(belasting))
        if rollen_lees.grafiek_zinvol(belasting):
            r.figuur(rollen_figuur(belasting), rollen_lees.grafiek_alt(belasting),
                     "Inzet tegenover capaciteit per partij")
    return True


def _regierol(r: Rapport, v: DossierVerzameling) -> bool:
    gegevens = v.formulier(formulieren.REGIEROL)
    inhoud_rol = v.inhoud.fase1.regierol
    antwoorden = gegevens.get("antwoorden") if isinstance(gegevens.get("antwoorden"), dict) else {}
    keuze = RegierolKeuze.uit_dict(gegevens.get("keuze"))
    beantwoord = aantal_beantwoord(inhoud_rol, antwoorden)
    if not beantwoord and keuze is None:
        return False
    scores = advies(inhoud_rol, antwoorden)
    top = hoogste(scores)
    if beantwoord:
        totaal = len(inhoud_rol.vragen)
        r.tussenkop("Advies uit de vragen")
        r.alinea(f"Het team beantwoordde {beantwoord} van de {totaal} vragen.")
        if not top:
            r.alinea("De antwoorden wijzen nog niet naar een regierol.")
        elif len(top) > 1:
            r.alinea(f"{len(top)} typen scoren gelijk ({scores[0][1]} punten): "
                     + ", ".join(t.naam for t in top) + ". Bespreek samen welke rol het best past.")
        else:
            r.alinea(f"{top[0].naam} ({scores[0][1]} punten).", vet="Advies: ")
        hoogste_ids = {t.id for t in top}
        r.tabel(["Regierol", "Punten", "Hoogste score"],
                [[t.naam, punten, "★ ja" if t.id in hoogste_ids else ""] for t, punten in scores])
    if keuze is not None:
        gekozen = regierol_type(inhoud_rol, keuze.type_id)
        naam = gekozen.naam if gekozen else keuze.type_id
        wanneer = f" op {datum_nl(keuze.vastgelegd.astimezone())}" if keuze.vastgelegd else ""
        r.tussenkop("Jullie keuze")
        r.alinea(f"{naam}{wanneer}.", vet="Vastgelegde keuze: ")
        r.alinea(keuze.onderbouwing, vet="Onderbouwing: ")
        if top and keuze.type_id not in {t.id for t in top}:
            r.alinea(f"Deze keuze wijkt af van het advies uit de vragen ({' of '.join(t.naam for t in top)}); de "
                     "onderbouwing legt uit waarom.")
    r.bron(f"Bron: {inhoud_rol.bron}")
    return True


def _afspraken(r: Rapport, v: DossierVerzameling) -> bool:
    afspraken = Afspraken.uit_dict(v.formulier(formulieren.AFSPRAKEN))
    if afspraken == Afspraken():
        return False
    nota = afsprakennota(v.dossier, v.partijen, afspraken, v.formulier(formulieren.REGIEROL), v.inhoud, date.today())
    r.markdown(nota, kopniveau=3)
    return True


def _scan(r: Rapport, v: DossierVerzameling) -> bool:
    rondes = v.scan_rondes
    if not rondes:
        return False
    scan = v.inhoud.fase1.scan
    standen = [scan_lees.ronde_stand(scan, ronde, v.scan_responsen[ronde.id]) for ronde in rondes]
    for stand in standen:
        ronde, uitslag = stand.ronde, stand.uitslag
        r.kop(f"Ronde: {ronde.naam}", 3)
        r.alinea(f"Deze ronde is {stand.status}: {len(stand.ingediend)} ingediende antwoordenlijst(en), "
                 f"{len(stand.concepten)} nog in concept (die tellen niet mee).")
        if uitslag is None:
            r.nog_niet("Nog geen ingediende antwoordenlijsten, dus nog geen resultaten.")
            continue
        r.tabel(scan_lees.FACTOR_KOPPEN, scan_lees.factor_rijen(uitslag))
        r.figuur(radar_figuur(*scan_lees.radar_reeksen(scan, uitslag), ronde.naam),
                 scan_lees.radar_alt(scan, ronde.naam, uitslag), f"Samenwerkingsscan per factor, {ronde.naam}")
        if uitslag.aandachtspunten:
            r.tussenkop("Aandachtspunten: de stellingen met de laagste score")
            r.lijst([f"{x.kop} — {x.toelichting}. Gespreksvraag: {x.gespreksvraag}"
                     for x in scan_lees.aandachtspunt_regels(scan, uitslag.aandachtspunten)])
        verschillen = scan_lees.verschil_rijen(uitslag)
        if verschillen:
            r.tussenkop("Waar de partners het meest verschillen")
            r.tabel(scan_lees.VERSCHIL_KOPPEN, verschillen)
    laatste = scan_lees.laatste_twee_met_resultaat(standen)
    if laatste is not None:
        vergelijking = scan_lees.vergelijk(scan, [(s.ronde, s.ingediend) for s in laatste])
        r.tussenkop(f"Vergelijking: {vergelijking.eerste.naam} en {vergelijking.tweede.naam}")
        r.tabel(vergelijking.koppen, vergelijking.rijen)
    r.bron(f"Bron: {scan.bron}")
    return True


# == phase 2 ==================================================================================
def _wijkprofiel(r: Rapport, v: DossierVerzameling) -> bool:
    profiel = v.profiel
    if profiel is None:
        return False
    titel = profiel.naam + (f" (gemeente {profiel.gemeentenaam})" if profiel.gemeentenaam and
                            profiel.soort != "gemeente" else "")
    r.alinea(titel, vet="Wijkprofiel: ")
    if profiel.eigen_bestand:
        r.alinea(f"De cijfers van de wijk komen uit een eigen bestand: {profiel.eigen_bestand}.")
    alleen = alleen_gemeente(profiel)
    rijen, groepen = [], {}
    for groep in GROEPEN:
        regels = [x for x in profiel.regels if INDICATOR[x.key].groep == groep]
        if regels:
            groepen[len(rijen)] = groep
        for x in regels:
            rij = [f"{x.label} ({x.eenheid})", opmaak(x.key, x.wijk)]
            if not alleen:
                rij.append(opmaak(x.key, x.gemeente))
            rij.append(opmaak(x.key, x.nederland))
            rijen.append(rij)
    r.tabel(kolomkoppen(profiel), rijen, groepen=groepen)
    r.bron(f"{profiel.bron}. {NL_LABEL}: een som, of een gemiddelde gewogen naar inwoners, woningen of huishoudens; "
           "kan iets afwijken van het landelijke cijfer van het CBS. 'onbekend' betekent dat het CBS dit cijfer niet "
           "geeft. Licentie CBS open data: CC BY 4.0.")
    r.figuur(wijk_dna(profiel), dna_alt(profiel), f"Wijk-DNA van {profiel.naam}: index ten opzichte van Nederland "
                                                 "(= 100)")
    notities = v.formulier(formulieren.WIJKPROFIEL).get("notities")
    if isinstance(notities, str) and notities.strip():
        r.tussenkop("Wat valt op?")
        r.alinea(notities.strip())
    return True


def _transitieopgaven(r: Rapport, v: DossierVerzameling) -> bool:
    opgaven = list(v.inhoud.opgaven)
    beoordelingen = beoordelingen_uit_dict(v.formulier(formulieren.TRANSITIEOPGAVEN), [o.id for o in opgaven])
    if not any(b.urgentie is not None or b.ambitie is not None or b.toelichting for b in beoordelingen.values()):
        return False
    fase2 = v.inhoud.fase2
    urgentie = {n.waarde: f"{n.waarde} · {n.label}" for n in fase2.urgentie}
    ambitie = {n.waarde: f"{n.waarde} · {n.label}" for n in fase2.ambitie}
    r.tabel(["Opgave", "Urgentie in deze wijk", "Onze ambitie", "Toelichting"], [
        [o.naam, urgentie.get(beoordelingen[o.id].urgentie, "nog niet gekozen"),
         ambitie.get(beoordelingen[o.id].ambitie, "nog niet gekozen"), beoordelingen[o.id].toelichting or GEEN]
        for o in opgaven])
    rijen = [(o.naam, beoordelingen[o.id].urgentie, beoordelingen[o.id].ambitie) for o in opgaven]
    alt = "Urgentie en ambitie per opgave. " + "; ".join(
        f"{naam}: urgentie {u if u is not None else 'nog niet gekozen'}, "
        f"ambitie {a if a is not None else 'nog niet gekozen'}" for naam, u, a in rijen)
    r.figuur(opgaven_figuur(rijen), alt, "Urgentie en ambitie per transitieopgave")
    r.alinea(f"{ingevuld(beoordelingen)} van de {len(opgaven)} opgaven hebben een urgentie én een ambitie.")
    punten = aandachtspunten(beoordelingen, {o.id: o.naam for o in opgaven})
    if punten:
        r.tussenkop("Om te bespreken")
        r.lijst(p.tekst for p in punten)
    return True


def _fysieke_kenmerken(r: Rapport, v: DossierVerzameling) -> bool:
    fase2 = v.inhoud.fase2
    antwoorden = lees_antwoorden(v.formulier(formulieren.FYSIEKE_KENMERKEN), fase2.technische_vragen)
    if not any(a.beantwoord or a.bron.strip() for a in antwoorden):
        return False
    r.tabel(["Vraag", "Wat weten we?", "Bron", "Zekerheid"], [
        [a.vraag.vraag, a.antwoord.strip() or GEEN, a.bron.strip() or GEEN, ZEKERHEID_LABEL[a.zekerheid].strip("– ")]
        for a in antwoorden])
    r.alinea(f"{sum(1 for a in antwoorden if a.beantwoord)} van de {len(antwoorden)} vragen hebben een antwoord.")
    open_ = [a.vraag.vraag for a in antwoorden if a.uit_te_zoeken]
    if open_:
        r.tussenkop("Nog uit te zoeken")
        r.lijst(open_)
    if fase2.technische_bron:
        r.bron(f"Bron: {fase2.technische_bron}")
    return True


def _sociale_koppelkansen(r: Rapport, v: DossierVerzameling) -> bool:
    fase2, opgaven = v.inhoud.fase2, list(v.inhoud.opgaven)
    opgave_ids = [o.id for o in opgaven]
    domeinen, koppelkansen = lees_formulier(v.formulier(formulieren.SOCIALE_KOPPELKANSEN),
                                            [d.id for d in fase2.domeinen])
    ingevulde = [d for d in fase2.domeinen if domeinen[d.id].ingevuld]
    if not ingevulde and not koppelkansen:
        return False
    matrix = domein_opgave_matrix(domeinen, koppelkansen, opgave_ids)
    r.tussenkop("Welke domeinen raken aan welke opgave")
    r.alinea("✔ n: het aantal koppelingen (het domein zelf plus de koppelkansen); – : nog geen.")
    r.tabel(["Domein", *(o.naam for o in opgaven)], [
        [d.naam, *(f"✔ {matrix[d.id][o]}" if matrix[d.id][o] else GEEN for o in opgave_ids)]
        for d in fase2.domeinen if any(matrix[d.id].values()) or domeinen[d.id].ingevuld])
    zonder = [o.naam for o in opgaven if o.id in opgaven_zonder_sociale_partner(matrix, opgave_ids)]
    r.alinea(f"Nog geen sociaal domein gekoppeld aan: {', '.join(zonder)}." if zonder else
             "Elke transitieopgave heeft minstens één sociaal domein als partner.")
    if ingevulde:
        r.tussenkop("Wat er in de wijk loopt en nodig is")
        r.tabel(["Domein", "Loopt al", "Nodig"], [
            [d.naam, domeinen[d.id].programma or GEEN, domeinen[d.id].behoefte or GEEN] for d in ingevulde])
    if koppelkansen:
        namen = {o.id: o.naam for o in opgaven}
        r.tussenkop("Sociale koppelkansen")
        r.tabel(["Koppelkans", "Domein", "Draagt bij aan", "Wat houdt het in?"], [
            [k.titel, fase2.domein(k.domein_id).naam if fase2.domein(k.domein_id) else "?",
             ", ".join(namen.get(o, o) for o in k.opgaven) or GEEN, k.beschrijving or GEEN] for k in koppelkansen])
    return True


def _planning(r: Rapport, v: DossierVerzameling) -> bool:
    werken = v.werken
    if not werken:
        return False
    jaar = date.today().year
    r.tabel(["Nr.", "Omschrijving", "Eigenaar", "Soort", "Gebied (schaal)", "Periode", "Zekerheid", f"In {jaar}",
             "Toelichting"], [
        [nummer, x.omschrijving, x.eigenaar, x.soort_label, f"{x.gebied} ({x.niveau})", x.periode,
         ZEKERHEID_LABELS.get(x.zekerheid, x.zekerheid), tijdstatus(x, jaar), x.toelichting or GEEN]
        for nummer, x in enumerate(werken, start=1)])
    return True


def _natuurlijke_momenten(r: Rapport, v: DossierVerzameling) -> bool:
    werken, momenten, marge = v.werken, v.momenten, v.marge
    if not werken:
        return False
    jaar = date.today().year
    r.alinea("Twee werken vallen samen als ze in hetzelfde gebied liggen en elkaar overlappen of hoogstens "
             f"{marge} jaar uit elkaar liggen (de marge die het team koos); werken van dezelfde eigenaar tellen niet.")
    binnenkort = werken_binnenkort(werken, jaar)
    if binnenkort:
        r.alinea(f"{len(binnenkort)} werk(en) loopt al of begint binnen {BINNENKORT_JAREN} jaar; daar is weinig ruimte "
                 "om nog aan te passen:", vet="Weinig tijd meer: ")
        r.lijst(f"{x.omschrijving} ({x.eigenaar}, {x.periode})" for x in binnenkort)
    r.figuur(tijdlijn(werken, momenten, jaar, marge),
             f"Tijdlijn van {len(werken)} werken met {len(momenten)} natuurlijke moment(en); de lijst hieronder noemt "
             "ze allemaal.", "Tijdlijn van de bestaande planningen")
    if not momenten:
        r.alinea(f"Geen natuurlijke momenten gevonden met een marge van {marge} jaar.")
    for nummer, moment in enumerate(momenten, start=1):
        tijd = wanneer(moment, jaar)
        tijd = f" ({tijd})" if tijd else ""
        r.alinea(f"{moment.gebied}, {moment.venster} ({samenvallen(moment, marge)}){tijd}. "
                 f"Partijen: {', '.join(moment.partijen)}.", vet=f"◆ Moment {nummer}: ")
        r.lijst((werkregel(x) for x in moment.werken), niveau=2)
        waarom = [f"{soort}: {reden}" for soort, reden in waarom_een_kans(moment)]
        if waarom:
            r.alinea("Waarom dit een kans is: " + " ".join(waarom))
    r.bron(f"Bron: {BRON_PLANNING}")
    return True


def _beeld_toetsen(r: Rapport, v: DossierVerzameling) -> bool:
    gegevens = v.formulier(formulieren.BEELD_TOETSEN)
    uitspraken = lees_uitspraken(gegevens)
    vormen = werkvormen(gegevens)
    gekozen = [x.naam for x in v.inhoud.fase2.toetsvormen if vormen.get(x.id)]
    if not uitspraken and not gekozen:
        return False
    if gekozen:
        r.alinea(", ".join(gekozen) + ".", vet="Zo is getoetst: ")
    if not uitspraken:
        r.nog_niet("Nog geen uitspraken.")
        return True
    r.tabel(["Uitspraak", "Herkend", "Klopt niet", "Oordeel", "Gemist", "Wat doen we ermee?"], [
        [u.tekst, u.herkend, u.klopt_niet, OORDEEL_SYMBOOL[u.oordeel], u.gemist or GEEN, u.verwerking or GEEN]
        for u in uitspraken])
    getoetst = sum(1 for u in uitspraken if u.reacties)
    r.alinea(f"{getoetst} van de {len(uitspraken)} uitspraken zijn getoetst.")
    schuurt = [u.tekst for u in uitspraken if u.oordeel == "schuurt"]
    if schuurt:
        r.alinea("Hier schuurt het beeld: " + "; ".join(schuurt) + ".")
    return True


# == phase 3 ==================================================================================
def _koppelkansen(r: Rapport, v: DossierVerzameling) -> bool:
    if not v.koppelkansen:
        return False
    rangschikking = v.koppelkansen_rangschikking
    if rangschikking.gerangschikt:
        r.tabel(ranglijst_koppen(rangschikking), ranglijst_rijen(rangschikking))
        if zin := gedeelde_top_zin(rangschikking):
            r.alinea(zin)
    else:
        r.alinea(GEEN_RANGLIJST)
    if rangschikking.onvolledig:
        r.tussenkop("Nog niet volledig gescoord")
        r.lijst(onvolledig_regels(rangschikking))
    r.figuur(koppelkansen_figuur(rangschikking), figuur_alt(rangschikking), "Gemiddelde score per koppelkans")
    r.bron(f"Bron: {BRON_KOPPELKANSEN}")
    return True


def _opgavenmatrix(r: Rapport, v: DossierVerzameling) -> bool:
    opgaven = list(v.inhoud.opgaven)
    ids, namen = [o.id for o in opgaven], {o.id: o.naam for o in opgaven}
    gegevens = v.formulier(formulieren.OPGAVENMATRIX)
    matrix = lees_matrix(gegevens, ids)
    overzicht = samenvatting(matrix, ids, namen)
    notities = gegevens.get("notities") if isinstance(gegevens.get("notities"), str) else ""
    if overzicht.leeg and not notities.strip():
        return False
    r.alinea("Elke rij werkt op de kolom: ++ versterkt sterk, + versterkt, 0 staat los, − hindert, −− hindert sterk.")
    r.tabel(["Werken aan … (rij) werkt op (kolom)", *(namen[b] for b in ids)], [
        [namen[a], *("—" if a == b else (teken(matrix[(a, b)]) if matrix[(a, b)] is not None else "") for b in ids)]
        for a in ids])
    r.alinea(f"{overzicht.ingevuld} van de {overzicht.totaal} cellen ingevuld.")
    for symbool, titel, zinnen, _leeg in matrix_lijsten(overzicht):
        if zinnen:
            r.tussenkop(f"{symbool} {titel}")
            r.lijst(zinnen)
    if not overzicht.leeg:
        r.figuur(opgavenmatrix_figuur([namen[i] for i in ids], matrix_waarden(matrix, ids)),
                 matrix_alt(matrix, namen), "Opgave × opgave")
    if notities.strip():
        r.tussenkop("Notities")
        r.alinea(notities.strip())
    return True


def _warmtestrategieen(r: Rapport, v: DossierVerzameling) -> bool:
    strategieen, fase34 = v.strategieen, v.inhoud.fase34
    if not strategieen or fase34 is None:
        return False
    titels = {k.id: k.titel for k in v.koppelkansen}
    r.tabel(STRATEGIE_KOPPEN, [strategie_rij(s, titels, fase34, GEEN) for s in strategieen])
    r.alinea(status_strategieen(len(strategieen))[1])
    return True


def _weging(r: Rapport, v: DossierVerzameling) -> bool:
    criteria = v.criteria
    if not criteria:
        return False
    r.tussenkop("Criteria")
    r.tabel(["Nr.", "Criterium", "Omschrijving", "Herkomst"], [
        [i, c.naam, c.omschrijving or GEEN, "uit de lijst" if c.catalogus_id else "eigen criterium"]
        for i, c in enumerate(criteria, start=1)])
    namen = {str(c.id): c.naam for c in criteria}
    compleet, ontbreekt = v.weging
    r.tussenkop("Gewichten per partij")
    if not compleet:
        r.nog_niet("Nog geen partij heeft punten verdeeld over alle criteria.")
    else:
        genormaliseerd = v.weging_genormaliseerd
        gezamenlijk = gezamenlijke_gewichten(compleet, namen=namen)
        r.tabel(["Criterium", *genormaliseerd, "Gezamenlijk (gemiddelde)"], [
            [naam, *(procent(g[c]) for g in genormaliseerd.values()), procent(gezamenlijk[c])]
            for c, naam in namen.items()])
        r.alinea(PERCENTAGES_UITLEG)
        if ontbreekt:
            r.alinea(", ".join(ontbreekt) + ".", vet="Nog niet (volledig) gewogen: ")
        zinnen = grote_verschillen(genormaliseerd, namen)
        if zinnen:
            r.tussenkop("Waar de partijen verschillen")
            r.lijst(zinnen)
        r.figuur(wegingen_figuur(genormaliseerd, namen, gezamenlijk),
                 "Staafdiagram: het gewicht van elk criterium per partij en gezamenlijk; de percentages staan in de "
                 "tabel.", "Gewicht per criterium, per partij")
    r.tussenkop("Vastzetting")
    nummers = v.besluitnummers
    vast = v.vastzetting
    if vast is None:
        r.alinea("De weging is nog niet vastgezet.")
    else:
        r.alinea(f"Vastgezet op {datum(vast.vastgezet)} (besluit nr. {nummers.get(vast.besluit_id, '?')}). "
                 f"Afgesproken gewichten: {afgesproken_gewichten(vast)}.")
    return True


# == phase 4 ==================================================================================
def _afweging(r: Rapport, v: DossierVerzameling) -> bool:
    stand = v.stand
    if not stand.strategieen or not stand.criteria:
        return False
    r.tussenkop("Scores (1–5; – = nog niet gescoord)")
    r.tabel(["Criterium", *(s.naam for s in stand.strategieen)], [
        [c.naam, *(GEEN if stand.tabel[s.naam][str(c.id)] is None else stand.tabel[s.naam][str(c.id)]
                   for s in stand.strategieen)] for c in stand.criteria])
    rangschikking = stand.rangschikking
    r.tussenkop("Rangschikking")
    if rangschikking is None:
        r.alinea(stand.reden or "Nog geen rangschikking.")
        return True
    r.alinea(rangschikking.samenvatting(), vet="Uitkomst: ")
    r.lijst(plaatsen(rangschikking))
    fase34 = v.inhoud.fase34
    op_gas = winnaars_op_duurzaam_gas(stand, v.inhoud)
    if op_gas:
        r.alinea(f"{', '.join(op_gas)} rekent op duurzaam gas. {fase34.waarschuwing_duurzaam_gas} "
                 f"(bron: {fase34.bron_waarschuwing})", vet="Let op: ")
    r.figuur(rangschikking_figuur(rangschikking), rangschikking_alt(rangschikking),
             "Rangschikking met de gezamenlijke gewichten")
    volgorde = volgorde_per_partij(stand)
    if volgorde is not None and volgorde.fout:
        r.alinea(volgorde.fout)
    elif volgorde is not None:
        r.tussenkop("Volgorde per partij")
        r.lijst(volgorde.zinnen)
        r.figuur(partijen_figuur(volgorde.per_partij, rangschikking), volgorde.alt,
                 "Plaats van elke strategie per partij")
    uitkomst = v.gevoeligheid
    if uitkomst is not None:
        r.tussenkop("Hoe stevig is de winnaar?")
        r.alinea(uitkomst.oordeel + ".", vet="Oordeel: ")
        for zin in uitkomst.samenvatting():
            r.alinea(zin)
        r.figuur(gevoeligheid_figuur(uitkomst), gevoeligheid_alt(uitkomst), "Gevoeligheid voor de weging")
        r.bron(herhaalbaar_tekst(uitkomst))
    return True


def _woonlasten(r: Rapport, v: DossierVerzameling) -> bool:
    if v.inhoud.fase34 is None:
        return False
    definitie, marge, strategie, uitkomsten = v.woonlasten
    if not uitkomsten:
        return False
    voor = f" voor {strategie}" if strategie else ""
    r.alinea(f"Uitkomst{voor}, volgens de definitie '{definitie.naam}'"
             + (f" met een marge van {euro(marge)} per maand" if marge else "") + ":")
    r.tabel(["Huishouden", "Voor", "Na", "Verschil", "Oordeel", "Toelichting"], [
        [naam, euro(t.totaal_voor), euro(t.totaal_na), euro(t.verschil, teken=True),
         oordeel_tekst(t), t.uitleg()] for _id, naam, t in uitkomsten])
    r.bron(f"Bedragen in euro per maand; een schatting per soort huishouden, individuele huishoudens kunnen afwijken. "
           f"Definitie: {definitie.omschrijving} (bron: {definitie.bron})")
    per_huishouden = [(naam, t) for _id, naam, t in uitkomsten]
    r.figuur(woonlasten_figuur(per_huishouden, namen={p.id: p.naam for p in v.inhoud.fase34.posten}),
             woonlasten_alt(per_huishouden), "Woonlasten per maand, voor en na de overstap")
    return True


def _keuze(r: Rapport, v: DossierVerzameling) -> bool:
    keuze = v.keuze
    if keuze is None:
        return False
    nr = v.besluitnummers.get(keuze.besluit_id, "?")
    r.alinea(f"{keuze.naam}, op {datum(keuze.gekozen)} (besluit nr. {nr} in het besluitenlog).", vet="Gekozen: ")
    r.alinea(keuze.onderbouwing, vet="Onderbouwing: ")
    r.alinea(keuze.aanwezig or "niet vastgelegd", vet="Aan tafel: ")
    r.alinea(keuze.afwijkend or "geen vastgelegd.", vet="Afwijkende standpunten: ")
    rangschikking = v.stand.rangschikking
    if rangschikking is not None and keuze.naam not in rangschikking.winnaars:
        r.alinea("Het team koos niet de strategie die bovenaan de afweging staat; de onderbouwing legt uit waarom.")
    return True


# Which part of the report belongs to which knooppunt (as werkboek.OEFENINGEN puts exercises in cards).
SECTIES: dict[str, tuple[Callable[[Rapport, DossierVerzameling], bool], ...]] = {
    "f1-juiste-partijen": (_partijen,),
    "f1-invloed-en-belang": (_invloed_en_belang,),
    "f1-ambities-en-belangen": (_ambities_en_belangen,),
    "f1-doel-en-verhaal": (_doel,),
    "f1-samenwerkingsscan": (_scan,),
    "f1-rollen-en-verwachtingen": (_rollen,),
    "f1-regierol": (_regierol,),
    "f1-samenwerking-formaliseren": (_afspraken,),
    "f2-wijkprofiel": (_wijkprofiel,),
    "f2-transitieopgaven": (_transitieopgaven,),
    "f2-fysieke-kenmerken": (_fysieke_kenmerken,),
    "f2-sociale-koppelkansen": (_sociale_koppelkansen,),
    "f2-bestaande-planningen": (_planning,),
    "f2-natuurlijke-momenten": (_natuurlijke_momenten,),
    "f2-beeld-toetsen": (_beeld_toetsen,),
    "f3-strategieen-koppelkansen": (_koppelkansen,),
    "f3-opgaven-verbinden": (_opgavenmatrix,),
    "f3-warmtestrategieen": (_warmtestrategieen,),
    "f3-criteria-en-weging": (_weging,),
    "f4-strategieen-afwegen": (_afweging,),
    "f4-woonlasten": (_woonlasten,),
    "f4-energiesysteem-vastleggen": (_keuze,),
    "f3-participatievormen": (docx_participatievormen,),
    "f3-participatiestrategie": (docx_participatiestrategie,),
    "f3-besluitvormingsafspraken": (docx_besluitvorming,),
    "f4-te-verbinden-opgaven": (docx_te_verbinden,),
    "f4-inspraak": (docx_inspraak,),
    "f4-concept-wup": (docx_concept_wup,),
}


# == the whole report ==========================================================================
def _titelpagina(r: Rapport, v: DossierVerzameling) -> None:
    dossier = v.dossier
    r.kop(TITEL, 0)
    r.alinea(dossier.naam, stijl="Subtitle")
    r.alinea(dossier.wijk or "nog niet ingevuld", vet="Wijk: ")
    r.alinea(dossier.gemeente or "nog niet ingevuld", vet="Gemeente: ")
    r.alinea(datum_nl(date.today()), vet="Datum: ")
    r.alinea("Dit document bundelt wat het team in het Wijkkompas werkboek heeft vastgelegd: per fase de "
             "knooppunten met hun status en de uitkomsten van de oefeningen, daarna het besluitenlog, de geschiedenis "
             "van het dossier en de bronnen. "
             "Het is bouwmateriaal voor het wijkuitvoeringsplan, geen besluit op zich.")
    if dossier.is_voorbeeld:
        r.alinea("Dit is het voorbeelddossier van het werkboek: de wijkcijfers zijn echt, de partijen, antwoorden "
                 "en planningen zijn verzonnen.", cursief=True)
    if dossier.toelichting:
        r.alinea(dossier.toelichting, vet="Over dit dossier: ")
    r.pagina_einde()


def _fasen(r: Rapport, v: DossierVerzameling) -> None:
    inhoud = v.inhoud
    for volgnummer, fase in enumerate(inhoud.fasen):
        if volgnummer:
            r.pagina_einde()  # every phase on a new page (the title page already ends with one)
        r.kop(f"Fase {fase.nummer}: {fase.naam}", 1)
        r.alinea(fase.kort, cursief=True)
        for knooppunt in inhoud.knooppunten_van_fase(fase.nummer):
            r.kop(knooppunt.titel, 2)
            status = STATUS_LABELS.get(v.statussen.get(knooppunt.id, ""), "Niet gestart")
            alinea = r.alinea(status, vet="Status: ")
            if knooppunt.bestuurlijk_gevoelig:
                alinea.add_run(f" · {BESTUURLIJK_GEVOELIG}.").italic = True
            schrijvers = SECTIES.get(knooppunt.id, ())
            if not schrijvers:
                r.nog_niet(GEEN_OEFENING)
                continue
            geschreven = [schrijver(r, v) for schrijver in schrijvers]
            if not any(geschreven):
                r.nog_niet()


def _besluitenlog(r: Rapport, v: DossierVerzameling) -> None:
    sectie = r.doc.add_section(WD_SECTION.NEW_PAGE)  # the log is wide: a landscape page of its own
    sectie.orientation = WD_ORIENT.LANDSCAPE
    sectie.page_width, sectie.page_height = Cm(29.7), Cm(21)
    r.kop("Besluitenlog", 1)
    besluiten = v.besluiten
    if not besluiten:
        r.nog_niet("Nog geen besluiten vastgelegd.")
        return
    r.alinea("Alle besluiten van het team, oudste eerst. Het log groeit alleen: een vergissing wordt hersteld met een "
             "correctie, en het oorspronkelijke besluit blijft staan met een opmerking.")
    r.tabel(KOPPEN, log_rijen(besluiten, v.knooppunt_titel))


def _geschiedenis(r: Rapport, v: DossierVerzameling) -> None:
    """The newest changes (on the landscape pages of the log): who changed what, when; a note when there are more."""
    r.kop("Geschiedenis van het dossier", 1)
    maximum = geschiedenis_lees.IN_RAPPORT
    regels = v.store.geschiedenis(v.dossier_id, limiet=maximum + 1)
    if not regels:
        r.nog_niet("Nog geen wijzigingen vastgelegd.")
        return
    afgekapt = len(regels) > maximum
    regels = regels[:maximum]
    r.alinea("Elke wijziging in het dossier, de nieuwste eerst: wanneer (Nederlandse tijd), door wie, in welk "
             "onderdeel en wat er veranderde. Het werkboek schrijft dit zelf bij elke wijziging.")
    r.tabel(geschiedenis_lees.KOPPEN, geschiedenis_lees.rijen(regels, v.knooppunt_titel))
    if afgekapt:
        r.bron(geschiedenis_lees.afgekapt_tekst(len(regels)))


def _bronnen(r: Rapport, v: DossierVerzameling) -> None:
    sectie = r.doc.add_section(WD_SECTION.NEW_PAGE)
    sectie.orientation = WD_ORIENT.PORTRAIT
    sectie.page_width, sectie.page_height = Cm(21), Cm(29.7)
    r.kop("Bronnen", 1)
    r.alinea("De teksten van het werkboek zijn in eigen woorden geschreven op basis van deze bronnen.")
    for wat, bron in v.bronnen():
        alinea = r.doc.add_paragraph(style="List Bullet")
        alinea.add_run(schoon(f"{wat}: ")).bold = True
        alinea.add_run(schoon(bron))


def exporteer_docx(store, dossier_id: str) -> bytes:
    """The report of one dossier as .docx bytes. Raises ``OnbekendDossier`` (a WerkboekFout) for an unknown
    dossier; a dossier without any data gives a report that says 'Nog niet ingevuld.' per knooppunt."""
    verzameling = DossierVerzameling(store, dossier_id)
    rapport = Rapport(f"{TITEL} · {verzameling.dossier.naam}")
    _titelpagina(rapport, verzameling)
    _fasen(rapport, verzameling)
    _besluitenlog(rapport, verzameling)
    _geschiedenis(rapport, verzameling)
    _bronnen(rapport, verzameling)
    buffer = io.BytesIO()
    rapport.doc.save(buffer)
    return buffer.getvalue()
