"""THE table of CBS indicators: our key (the 2022 short key) ↔ PDOK property ↔ CBS keys ↔ StatLine titles.

Everything that reads CBS figures (the extract script, the shipped data, own uploaded files, the profile)
goes through this one table, so a new table year means adding an alias here and nowhere else.

CBS column keys carry a position suffix that changes between tables and even between versions of one
table (``GemiddeldAardgasverbruik_55`` vs ``GemiddeldAardgasverbruikTotaal_61``): we match on the name
part without ``_NN``. StatLine CSV downloads use titles such as ``Bevolking/Aantal inwoners (aantal)``:
we match on the last part, without the unit. Sources: CBS StatLine 85318NED (KWB 2022) and 85984NED
(KWB 2024, ``85984NED_DataProperties.json``); PDOK CBS Wijken en Buurten 2022.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Groups in the order the profile shows them.
GROEPEN = ("Bevolking", "Wonen", "Energie", "Inkomen en werk")


@dataclass(frozen=True)
class Indicator:
    """One CBS figure. ``decimalen`` counts in CBS's own unit (WOZ and income are × 1 000 euro, shown in
    euros via ``factor``). ``combineer`` says how gemeenten add up to a NL value: ``"som"`` or
    ``"gewogen:<key>"`` (mean weighted by another indicator, e.g. dwellings for gas use).
    ``aandeel_van``: for a percentage that CBS tables give as a count (age groups), the key to divide by."""

    key: str
    label: str
    eenheid: str
    groep: str
    combineer: str
    decimalen: int = 0
    factor: float = 1.0
    voor: str = ""
    achter: str = ""
    pdok: str = ""
    cbs_stammen: tuple[str, ...] = ()
    titels: tuple[str, ...] = ()
    cbs_stammen_aantal: tuple[str, ...] = ()
    aandeel_van: str = ""
    in_profiel: bool = True
    in_dna: bool = True


def _i(*args, **kwargs) -> Indicator:
    return Indicator(*args, **kwargs)


INDICATOREN: tuple[Indicator, ...] = (
    # --- Bevolking
    _i("aantal_inwoners", "Inwoners", "aantal", "Bevolking", "som", pdok="aantalInwoners",
       cbs_stammen=("AantalInwoners",), titels=("aantal inwoners", "inwoners"), in_dna=False),
    _i("bevolkingsdichtheid", "Bevolkingsdichtheid", "inwoners per km² land", "Bevolking", "gewogen:opp_land",
       achter=" per km²", pdok="bevolkingsdichtheidInwonersPerKm2", cbs_stammen=("Bevolkingsdichtheid",),
       titels=("bevolkingsdichtheid",)),
    _i("0_15", "Kinderen tot 15 jaar", "% van de inwoners", "Bevolking", "gewogen:aantal_inwoners", achter="%",
       pdok="percentagePersonen0Tot15Jaar", cbs_stammen_aantal=("k_0Tot15Jaar",), titels=("0 tot 15 jaar",),
       aandeel_van="aantal_inwoners"),
    _i("65plus", "65 jaar of ouder", "% van de inwoners", "Bevolking", "gewogen:aantal_inwoners", achter="%",
       pdok="percentagePersonen65JaarEnOuder", cbs_stammen_aantal=("k_65JaarOfOuder",),
       titels=("65 jaar of ouder",), aandeel_van="aantal_inwoners"),
    _i("huishoudens", "Huishoudens", "aantal", "Bevolking", "som", pdok="aantalHuishoudens",
       cbs_stammen=("HuishoudensTotaal",), titels=("huishoudens totaal",), in_dna=False),
    _i("gem_huishouden_grootte", "Gemiddelde huishoudensgrootte", "personen", "Bevolking", "gewogen:huishoudens",
       decimalen=1, achter=" personen", pdok="gemiddeldeHuishoudsgrootte",
       cbs_stammen=("GemiddeldeHuishoudensgrootte",), titels=("gemiddelde huishoudensgrootte",)),
    # --- Wonen
    _i("woningvoorraad", "Woningen (woningvoorraad)", "aantal", "Wonen", "som", pdok="woningvoorraad",
       cbs_stammen=("Woningvoorraad",), titels=("woningvoorraad",), in_dna=False),
    _i("gem_woz_waarde", "Gemiddelde WOZ-waarde", "euro (CBS: × 1 000 euro)", "Wonen", "gewogen:woningvoorraad",
       factor=1000, voor="€ ", pdok="gemiddeldeWoningwaarde",
       cbs_stammen=("GemiddeldeWOZWaardeVanWoningen", "GemiddeldeWoningwaarde"),
       titels=("gemiddelde woz-waarde van woningen", "gemiddelde woningwaarde")),
    _i("pct_eengezins", "Eengezinswoningen", "% van de woningen", "Wonen", "gewogen:woningvoorraad", achter="%",
       pdok="percentageEengezinswoning", cbs_stammen=("PercentageEengezinswoning",),
       titels=("percentage eengezinswoning",)),
    _i("koopwoningen", "Koopwoningen", "% van de woningen", "Wonen", "gewogen:woningvoorraad", achter="%",
       pdok="percentageKoopwoningen", cbs_stammen=("Koopwoningen",), titels=("koopwoningen",)),
    _i("huurwoningen", "Huurwoningen", "% van de woningen", "Wonen", "gewogen:woningvoorraad", achter="%",
       pdok="percentageHuurwoningen", cbs_stammen=("HuurwoningenTotaal",), titels=("huurwoningen totaal",)),
    _i("pct_huurcorporatie", "Huurwoningen van een woningcorporatie", "% van de woningen", "Wonen",
       "gewogen:woningvoorraad", achter="%", pdok="percHuurwoningenInBezitWoningcorporaties",
       cbs_stammen=("InBezitWoningcorporatie",), titels=("in bezit woningcorporatie",)),
    _i("pct_bouwjaar_na_2000", "Gebouwd in 2000 of later", "% van de woningen", "Wonen", "gewogen:woningvoorraad",
       achter="%", pdok="percentageBouwjaarklasseVanaf2000", cbs_stammen=("BouwjaarVanaf2000",),
       titels=("bouwjaar vanaf 2000",)),
    # --- Energie
    _i("gem_aardgas", "Gemiddeld aardgasverbruik per woning", "m³ per jaar", "Energie", "gewogen:woningvoorraad",
       achter=" m³", pdok="gemiddeldGasverbruikTotaal",
       cbs_stammen=("GemiddeldAardgasverbruikTotaal", "GemiddeldAardgasverbruik"),
       titels=("gemiddeld aardgasverbruik totaal", "gemiddeld aardgasverbruik")),
    _i("gem_elektriciteit", "Gemiddeld elektriciteitsverbruik per woning", "kWh per jaar", "Energie",
       "gewogen:woningvoorraad", achter=" kWh", pdok="gemiddeldElektriciteitsverbruikTotaal",
       cbs_stammen=("GemiddeldElektriciteitsverbruikTotaal", "GemiddeldeElektriciteitsleveringTotaal",
                    "GemiddeldElektriciteitsverbruik"),
       titels=("gemiddeld elektriciteitsverbruik totaal", "gemiddelde elektriciteitslevering totaal",
               "gemiddeld elektriciteitsverbruik")),
    _i("pct_stadsverwarming", "Woningen met stadsverwarming", "% van de woningen", "Energie",
       "gewogen:woningvoorraad", achter="%", pdok="percentageWoningenMetStadsverwarming",
       cbs_stammen=("PercentageWoningenMetStadsverwarming",), titels=("percentage woningen met stadsverwarming",)),
    # --- Inkomen en werk
    _i("gem_inkomen_inwoner", "Gemiddeld inkomen per inwoner", "euro per jaar (CBS: × 1 000 euro)",
       "Inkomen en werk", "gewogen:aantal_inwoners", decimalen=1, factor=1000, voor="€ ",
       pdok="gemiddeldInkomenPerInwoner",
       cbs_stammen=("GemiddeldInkomenPerInwoner",), titels=("gemiddeld inkomen per inwoner",)),
    _i("pct_hh_laag_inkomen", "Huishoudens bij de 40% laagste inkomens van NL", "% van de huishoudens",
       "Inkomen en werk", "gewogen:huishoudens", achter="%", pdok="percentageHuishoudensMetLaagInkomen",
       cbs_stammen=("k_40HuishoudensMetLaagsteInkomen",), titels=("40% huishoudens met laagste inkomen",)),
    _i("pct_rond_sociaal_min", "Huishoudens onder of rond het sociaal minimum", "% van de huishoudens",
       "Inkomen en werk", "gewogen:huishoudens", achter="%", pdok="percentageHuishoudensOnderOfRondSociaalMinimum",
       cbs_stammen=("HuishOnderOfRondSociaalMinimum", "HuishoudensOnderOfRondSociaalMinimum"),
       titels=("huish. onder of rond sociaal minimum", "huishoudens onder of rond sociaal minimum")),
    _i("arbeidsparticipatie", "Nettoarbeidsparticipatie", "% van 15–75-jarigen", "Inkomen en werk",
       "gewogen:aantal_inwoners", achter="%", pdok="nettoArbeidsparticipatie",
       cbs_stammen=("Nettoarbeidsparticipatie",), titels=("nettoarbeidsparticipatie",)),
    _i("auto_per_huishouden", "Personenauto's per huishouden", "auto's per huishouden", "Inkomen en werk",
       "gewogen:huishoudens", decimalen=1, pdok="personenautosPerHuishouden",
       cbs_stammen=("PersonenautoSPerHuishouden", "PersonenautosPerHuishouden"),
       titels=("personenauto's per huishouden",)),
    # --- only for weighting (land area for density), not shown
    _i("opp_land", "Oppervlakte land", "hectare", "Bevolking", "som", achter=" ha", pdok="oppervlakteLandInHa",
       cbs_stammen=("OppervlakteLand",), titels=("oppervlakte land",), in_profiel=False, in_dna=False),
)

INDICATOR: dict[str, Indicator] = {i.key: i for i in INDICATOREN}
PROFIEL_KEYS: tuple[str, ...] = tuple(i.key for i in INDICATOREN if i.in_profiel)

# Columns that identify the region, by kind; names normalised like the indicators (see ``normaliseer``).
# A "regio" column holds codes (GM0606, WK060607) or names; which one is decided from its values.
REGIO_NAMEN = ("codering", "regiocode", "wijkenenbuurten", "wijken en buurten", "regios", "regio's", "gwb_code_10",
               "gwb_code", "gwb_code_8", "regionaam", "gwb_naam", "wijknaam", "buurtnaam", "regio",
               "wijkcode", "buurtcode")
GEMEENTECODE_NAMEN = ("gemeentecode", "gm_code")
GEMEENTENAAM_NAMEN = ("gemeentenaam", "gemeente", "gm_naam")
SOORT_NAMEN = ("soort regio", "soortregio", "soort_regio", "recs")
PERIODE_NAMEN = ("perioden", "periode", "jaar")

_SUFFIX = re.compile(r"_\d+$")
_EENHEID = re.compile(r"\(([^()]*)\)\s*$")
_WITRUIMTE = re.compile(r"\s+")


def zonder_suffix(kolom: str) -> str:
    """``GemiddeldAardgasverbruikTotaal_61`` → ``gemiddeldaardgasverbruiktotaal`` (CBS position suffix off)."""
    return _SUFFIX.sub("", kolom.strip()).casefold()


def normaliseer_titel(kolom: str) -> tuple[str, str]:
    """A StatLine title → (name, unit): ``Wonen/Woningvoorraad (aantal)`` → (``woningvoorraad``, ``aantal``)."""
    tekst = kolom.strip().strip('"').strip()
    eenheid = ""
    gevonden = _EENHEID.search(tekst)
    if gevonden:
        eenheid = gevonden.group(1).strip().casefold()
        tekst = tekst[: gevonden.start()]
    tekst = tekst.rsplit("/", 1)[-1]
    return _WITRUIMTE.sub(" ", tekst).strip().casefold(), eenheid


@dataclass(frozen=True)
class Treffer:
    """A recognised column: which indicator, and whether its values are a count to turn into a share."""

    key: str
    als_aantal: bool = False


def _tabellen() -> tuple[dict[str, Treffer], dict[str, Treffer], dict[str, Treffer]]:
    exact: dict[str, Treffer] = {}
    stammen: dict[str, Treffer] = {}
    titels: dict[str, Treffer] = {}
    for ind in INDICATOREN:
        exact[ind.key.casefold()] = Treffer(ind.key)
        if ind.pdok:
            exact[ind.pdok.casefold()] = Treffer(ind.key)
        for stam in ind.cbs_stammen:
            stammen[stam.casefold()] = Treffer(ind.key)
        for stam in ind.cbs_stammen_aantal:
            stammen[stam.casefold()] = Treffer(ind.key, als_aantal=True)
        for titel in ind.titels:
            titels[titel] = Treffer(ind.key)
    return exact, stammen, titels


_EXACT, _STAMMEN, _TITELS = _tabellen()


def zoek_indicator(kolom: str) -> Treffer | None:
    """Which indicator a column holds, by meaning: our key or the PDOK name exactly, else a CBS key
    without its ``_NN`` suffix, else a StatLine title (last part, unit dropped). ``None``: not ours."""
    if not isinstance(kolom, str) or not kolom.strip():
        return None
    schoon = kolom.strip().strip('"').strip()
    treffer = _EXACT.get(schoon.casefold()) or _STAMMEN.get(zonder_suffix(schoon))
    if treffer is not None:
        return treffer
    titel, eenheid = normaliseer_titel(schoon)
    treffer = _TITELS.get(titel)
    if treffer is None:
        return None
    ind = INDICATOR[treffer.key]
    if ind.aandeel_van and eenheid == "aantal":
        return Treffer(ind.key, als_aantal=True)
    return treffer


def rol_van_kolom(kolom: str) -> str | None:
    """``"regio"``, ``"gemeentecode"``, ``"gemeentenaam"``, ``"soort"`` or ``"periode"`` for a column that
    identifies the region (or its year); ``None`` for any other column."""
    schoon = kolom.strip().strip('"').strip()
    naam, _eenheid = normaliseer_titel(schoon)
    stam = zonder_suffix(schoon)
    kandidaten = {naam, stam}
    if kandidaten & set(SOORT_NAMEN):
        return "soort"
    if kandidaten & set(PERIODE_NAMEN):
        return "periode"
    if kandidaten & set(GEMEENTECODE_NAMEN):
        return "gemeentecode"
    if kandidaten & set(GEMEENTENAAM_NAMEN):
        return "gemeentenaam"
    if kandidaten & set(REGIO_NAMEN):
        return "regio"
    return None
