"""CBS data: the shipped extracts equal the CBS source, columns are recognised by meaning across table
years, region codes are read right, and bad own files are refused (the profile built from them: test_wijkprofiel)."""

from __future__ import annotations

import csv
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkkompas_widgets.cbs import eigen_data
from wijkkompas_widgets.cbs.data import cbs_data, gemeentecode_van, wijkcode_van
from wijkkompas_widgets.cbs.eigen_data import MAX_BYTES, getal, lees_eigen_data
from wijkkompas_widgets.cbs.kolommen import INDICATOREN, normaliseer_titel, zoek_indicator
from wijkkompas_widgets.dossier import InvoerFout

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data" / "cbs"
BRON = REPO.parent / "shared" / "data" / "cbs"  # the source folder; CI may not have it
heeft_bron = pytest.mark.skipif(not (BRON / "kwb2022_gemeenten_nl.csv").is_file(),
                                reason="bronbestanden van het CBS niet aanwezig")


@pytest.fixture(scope="module")
def data():
    return cbs_data()


def lees(pad: Path) -> list[dict[str, str]]:
    with pad.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# --- the shipped extracts

def test_figures_in_the_profile_are_the_cbs_figures(data):
    """Hard-coded from the CBS source files (KWB 2022 via PDOK; KWB 2024, StatLine 85984NED)."""
    assert data.gemeente("GM0606", 2022).waarde("aantal_inwoners") == 79_644
    assert data.gemeente("GM0606", 2024).waarde("aantal_inwoners") == 81_838
    assert data.gemeente("GM0503", 2022).waarde("woningvoorraad") == 52_130
    groenoord = data.wijk("WK060607")
    assert groenoord.naam == "Wijk 07 Groenoord en Kethel" and groenoord.jaar == 2022
    assert groenoord.waarde("aantal_inwoners") == 14_440
    assert groenoord.waarde("gem_aardgas") == 800
    assert groenoord.waarde("gem_woz_waarde") == 247
    assert data.wijk("WK001400").waarde("aantal_inwoners") == 24_920  # Groningen Centrum, 2024


def test_nl_totals_add_up_to_the_cbs_totals(data):
    assert data.nederland("aantal_inwoners", 2022) == 17_590_672
    assert data.nederland("aantal_inwoners", 2024) == 17_942_942
    assert len([g for g in lees(DATA / "gemeenten.csv") if g["jaar"] == "2022"]) == 345
    assert len([g for g in lees(DATA / "gemeenten.csv") if g["jaar"] == "2024"]) == 342


def test_nl_value_is_unknown_when_too_few_gemeenten_have_the_figure(data):
    # District heating is reported for only 54 of 345 gemeenten: a mean over those would not be NL.
    assert data.nederland("pct_stadsverwarming", 2022) is None
    gas = data.nederland("gem_aardgas", 2022)
    assert 900 < gas < 1100  # mean of all gemeenten weighted by dwellings


def test_every_gemeente_has_a_wijk_list_and_the_five_have_2022_detail(data):
    keuzes = data.gemeenten()
    assert len(keuzes) == 346  # 342 of 2024 plus 4 merged since 2022
    assert [k.naam for k in keuzes][:2] == ["Aa en Hunze", "Aalsmeer"]
    assert next(k for k in keuzes if k.code == "GM0457").label.startswith("Weesp (t/m 2022")
    assert {len(data.wijken(c)) for c in ("GM0606", "GM0503", "GM0344", "GM0546")} == {10, 13}
    assert all(w.jaar == 2022 for c in ("GM0606", "GM0503", "GM0344", "GM0392", "GM0546") for w in data.wijken(c))
    assert len(data.wijken("GM0014")) > 5 and all(w.jaar == 2024 for w in data.wijken("GM0014"))


def test_boundaries_match_the_wijk_codes(data):
    grenzen = json.loads((DATA / "wijkgrenzen.geojson").read_text(encoding="utf-8"))["features"]
    codes = {f["properties"]["wijkcode"] for f in grenzen}
    assert codes == {r["regiocode"] for r in lees(DATA / "wijken.csv") if r["jaar"] == "2022"}
    assert len(codes) == 64
    assert all(set(f["properties"]) == {"wijkcode", "wijknaam", "gemeentecode"} for f in grenzen)
    assert len(data.wijkgrenzen("GM0606")) == 10  # Schiedam's 2022 division, not the 12 wijken of 2024
    assert len(data.gemeentegrenzen()) == 345
    assert data.wijkgrenzen("GM0014") == []
    assert sum(p.stat().st_size for p in DATA.iterdir()) < 1.5e6


@heeft_bron
def test_shipped_extract_equals_the_source_row_by_row():
    keys = [i.key for i in INDICATOREN]
    gemeenten = {(r["jaar"], r["gemeentecode"]): r for r in lees(DATA / "gemeenten.csv")}
    for bron in lees(BRON / "kwb2022_gemeenten_nl.csv"):
        ons = gemeenten[("2022", bron["gemeentecode"])]
        assert ons["gemeentenaam"] == bron["gemeentenaam"]
        assert all(ons[k] == bron[k] for k in keys), bron["gemeentenaam"]
    wijken = {(r["jaar"], r["regiocode"]): r for r in lees(DATA / "wijken.csv")}
    for bron in lees(BRON / "kwb2022_wijken_5gemeenten.csv"):
        if bron["soort_regio"] == "Wijk":
            ons = wijken[("2022", bron["regiocode"])]
            assert all(ons[k] == bron[k] for k in keys if k in bron), bron["regionaam"]
    naar_ons = {"AantalInwoners_5": "aantal_inwoners", "Bevolkingsdichtheid_34": "bevolkingsdichtheid",
                "Woningvoorraad_35": "woningvoorraad", "OppervlakteLand_123": "opp_land"}
    aantal_2024 = 0
    for bron in lees(BRON / "kwb2024_gemeenten_wijken_nl.csv"):
        if bron["SoortRegio_2"] == "Gemeente":
            ons = gemeenten[("2024", bron["WijkenEnBuurten"])]
        elif bron["Gemeentecode"] in ("GM0503", "GM0606", "GM0344", "GM0392", "GM0546"):
            continue  # these five have their 2022 detail instead
        else:
            ons = wijken[("2024", bron["WijkenEnBuurten"])]
            assert ons["regionaam"] == bron["Regionaam"]
        aantal_2024 += 1
        assert all(ons[onze] == bron[cbs] for cbs, onze in naar_ons.items()), bron["WijkenEnBuurten"]
    assert aantal_2024 == len([k for k in gemeenten if k[0] == "2024"]) + len([k for k in wijken if k[0] == "2024"])


@heeft_bron
def test_script_is_deterministic_and_gives_the_shipped_files(tmp_path):
    for doel in ("a", "b"):
        uit = subprocess.run([sys.executable, str(REPO / "scripts" / "maak_cbs_extracten.py"), "--bron", str(BRON),
                              "--doel", str(tmp_path / doel)], capture_output=True, text=True, check=True).stdout
        assert "17.590.672 inwoners (CBS: 17.590.672)" in uit and "Alle controles in orde" in uit
    for pad in DATA.iterdir():
        assert (tmp_path / "a" / pad.name).read_bytes() == (tmp_path / "b" / pad.name).read_bytes() == pad.read_bytes()


# --- column matching

@pytest.mark.parametrize(("kolom", "key", "als_aantal"), [
    ("GemiddeldAardgasverbruik_55", "gem_aardgas", False),
    ("GemiddeldAardgasverbruikTotaal_61", "gem_aardgas", False),
    ("gemiddeldGasverbruikTotaal", "gem_aardgas", False),  # PDOK 2022
    ("gem_aardgas", "gem_aardgas", False),
    ("Energie/Gemiddeld aardgasverbruik/Gemiddeld aardgasverbruik totaal (m³)", "gem_aardgas", False),
    ("GemiddeldElektriciteitsverbruikTotaal_47", "gem_elektriciteit", False),  # 2022
    ("GemiddeldeElektriciteitsleveringTotaal_53", "gem_elektriciteit", False),  # 2024: 'levering'
    ("Bevolking/Aantal inwoners (aantal)", "aantal_inwoners", False),
    ('"AantalInwoners_5"', "aantal_inwoners", False),
    ("GemiddeldeWoningwaarde_35", "gem_woz_waarde", False),  # older tables
    ("GemiddeldeWOZWaardeVanWoningen_39", "gem_woz_waarde", False),
    ("Wonen/Eigendom/In bezit woningcorporatie (%)", "pct_huurcorporatie", False),
    ("k_0Tot15Jaar_8", "0_15", True),  # CBS tables give a count, the profile a share
    ("Bevolking/Leeftijdsgroepen/0 tot 15 jaar (aantal)", "0_15", True),
    ("Bevolking/Leeftijdsgroepen/0 tot 15 jaar (%)", "0_15", False),
    ("0_15", "0_15", False),
    ("k_40HuishoudensMetLaagsteInkomen_87", "pct_hh_laag_inkomen", False),
])
def test_columns_are_matched_by_meaning(kolom, key, als_aantal):
    treffer = zoek_indicator(kolom)
    assert treffer is not None and (treffer.key, treffer.als_aantal) == (key, als_aantal)


@pytest.mark.parametrize("kolom", [
    "Appartement_62", "HuishoudensMetEenLaagInkomen_89",  # another concept than '40% laagste inkomens'
    "BouwjaarAfgelopenTienJaar_52", "15_25", "Energie/Appartement (m³)", "", "ID",
])
def test_other_columns_are_not_taken_for_an_indicator(kolom):
    assert zoek_indicator(kolom) is None


# The 85984NED (KWB 2024) keys and titles, from its DataProperties, for the indicators we know.
KEYS_2024 = {
    "AantalInwoners_5": ("Aantal inwoners", "aantal_inwoners"),
    "HuishoudensTotaal_29": ("Huishoudens totaal", "huishoudens"),
    "GemiddeldeHuishoudensgrootte_33": ("Gemiddelde huishoudensgrootte", "gem_huishouden_grootte"),
    "Bevolkingsdichtheid_34": ("Bevolkingsdichtheid", "bevolkingsdichtheid"),
    "Woningvoorraad_35": ("Woningvoorraad", "woningvoorraad"),
    "GemiddeldeWOZWaardeVanWoningen_39": ("Gemiddelde WOZ-waarde van woningen", "gem_woz_waarde"),
    "PercentageEengezinswoning_40": ("Percentage eengezinswoning", "pct_eengezins"),
    "Koopwoningen_47": ("Koopwoningen", "koopwoningen"),
    "HuurwoningenTotaal_48": ("Huurwoningen totaal", "huurwoningen"),
    "InBezitWoningcorporatie_49": ("In bezit woningcorporatie", "pct_huurcorporatie"),
    "GemiddeldeElektriciteitsleveringTotaal_53": ("Gemiddelde elektriciteitslevering totaal", "gem_elektriciteit"),
    "GemiddeldAardgasverbruikTotaal_61": ("Gemiddeld aardgasverbruik totaal", "gem_aardgas"),
    "PercentageWoningenMetStadsverwarming_69": ("Percentage woningen met stadsverwarming", "pct_stadsverwarming"),
    "Nettoarbeidsparticipatie_78": ("Nettoarbeidsparticipatie", "arbeidsparticipatie"),
    "GemiddeldInkomenPerInwoner_83": ("Gemiddeld inkomen per inwoner  ", "gem_inkomen_inwoner"),
    "k_40HuishoudensMetLaagsteInkomen_87": ("40% huishoudens met laagste inkomen", "pct_hh_laag_inkomen"),
    "HuishOnderOfRondSociaalMinimum_90": ("Huish. onder of rond sociaal minimum", "pct_rond_sociaal_min"),
    "PersonenautoSPerHuishouden_114": ("Personenauto's per huishouden", "auto_per_huishouden"),
    "OppervlakteLand_123": ("Oppervlakte land", "opp_land"),
}


def test_2024_keys_and_titles_map_to_the_same_indicator():
    for key, (titel, onze) in KEYS_2024.items():
        assert zoek_indicator(key).key == onze, key
        assert zoek_indicator(f"Groep/{titel} (eenheid)").key == onze, titel


@heeft_bron
def test_the_mapping_recognises_exactly_the_expected_2024_columns():
    eigenschappen = json.loads((BRON / "85984NED_DataProperties.json").read_text(encoding="utf-8"))
    herkend = {p["Key"]: zoek_indicator(p["Key"]) for p in eigenschappen if p.get("Type") == "Topic"}
    gevonden = {k: t.key for k, t in herkend.items() if t is not None and not t.als_aantal}
    assert gevonden == {k: onze for k, (_titel, onze) in KEYS_2024.items()}
    for p in eigenschappen:
        if p.get("Key") in KEYS_2024:
            assert zoek_indicator(p["Title"]).key == KEYS_2024[p["Key"]][1]


def test_no_alias_belongs_to_two_indicators():
    gezien: dict[str, str] = {}
    for ind in INDICATOREN:
        for alias in {ind.key.casefold(), ind.pdok.casefold(), *(s.casefold() for s in ind.cbs_stammen),
                      *(s.casefold() for s in ind.cbs_stammen_aantal), *ind.titels} - {""}:
            assert gezien.setdefault(alias, ind.key) == ind.key, alias


@settings(max_examples=60, deadline=None)
@given(ind=st.sampled_from([i for i in INDICATOREN if i.cbs_stammen]), nummer=st.integers(0, 999),
       hoofdletters=st.booleans())
def test_any_position_suffix_and_case_matches(ind, nummer, hoofdletters):
    stam = ind.cbs_stammen[nummer % len(ind.cbs_stammen)]
    kolom = f"{stam}_{nummer}"
    assert zoek_indicator(kolom.upper() if hoofdletters else kolom).key == ind.key


@settings(max_examples=40, deadline=None)
@given(ind=st.sampled_from([i for i in INDICATOREN if i.titels]),
       groep=st.sampled_from(["", "Wonen/", "Energie/Gemiddeld/", "Bevolking/Leeftijd/"]),
       eenheid=st.sampled_from(["", " (%)", " (m³)", " (x 1 000 euro)"]))
def test_statline_titles_match_whatever_group_and_unit(ind, groep, eenheid):
    kolom = f"{groep}{ind.titels[0].capitalize()}{eenheid}"
    assert zoek_indicator(kolom).key == ind.key
    assert normaliseer_titel(kolom)[0] == ind.titels[0]


# --- codes

def test_codes_of_gemeente_and_wijk():
    assert gemeentecode_van("BU06060701") == gemeentecode_van("WK060607") == gemeentecode_van("gm0606") == "GM0606"
    assert wijkcode_van("BU06060701") == "WK060607" and wijkcode_van("GM0606") is None
    assert gemeentecode_van("Schiedam") is None


# --- own data

STATLINE = (
    '"Wijken en buurten";"Regioaanduiding/Gemeentenaam (naam)";"Regioaanduiding/Soort regio (omschrijving)";'
    '"Regioaanduiding/Codering (code)";"Bevolking/Aantal inwoners (aantal)";'
    '"Bevolking/Leeftijdsgroepen/0 tot 15 jaar (aantal)";"Bevolking/Gemiddelde huishoudensgrootte (aantal)";'
    '"Wonen/Gemiddelde WOZ-waarde van woningen (x 1 000 euro)";'
    '"Energie/Gemiddeld aardgasverbruik/Gemiddeld aardgasverbruik totaal (m³)"\n'
    '"Schiedam";"Schiedam                ";"Gemeente  ";"GM0606    ";"79644";"12580";"2,1";"250";"850"\n'
    '"Wijk 07 Groenoord en Kethel";"Schiedam";"Wijk      ";"WK060607  ";"14440";"2600";"2,1";"247";"800"\n'
    '"Wijk 05 Nieuw Mathenesse";"Schiedam";"Wijk";"WK060605";"10";"x";"       .";".";"1570"\n'
)


def test_statline_csv_with_bom_semicolons_decimal_comma_and_missing_marks():
    regios = lees_eigen_data("kwb-2022-schiedam.csv", ("\ufeff" + STATLINE).encode("utf-8"))
    assert [(r.code, r.naam, r.soort, r.jaar) for r in regios] == [
        ("GM0606", "Schiedam", "gemeente", 2022), ("WK060607", "Wijk 07 Groenoord en Kethel", "wijk", 2022),
        ("WK060605", "Wijk 05 Nieuw Mathenesse", "wijk", 2022)]
    groenoord = regios[1].waarden
    assert groenoord["aantal_inwoners"] == 14_440 and groenoord["gem_aardgas"] == 800
    assert groenoord["gem_huishouden_grootte"] == 2.1
    assert groenoord["0_15"] == pytest.approx(100 * 2600 / 14440)  # count → share of inhabitants
    mathenesse = regios[2].waarden
    assert mathenesse["gem_woz_waarde"] is None and mathenesse["0_15"] is None
    assert mathenesse["gem_huishouden_grootte"] is None


def test_comma_csv_with_title_line_and_source_footer_in_cp1252():
    tekst = ('"Kerncijfers wijken en buurten 2024"\n'
             'Wijken en buurten,Codering,Woningvoorraad,Koopwoningen\n'
             'Café-wijk,WK060607,6878,45.5\n'
             '"Bron: CBS"\n')
    regios = lees_eigen_data("eigen.csv", tekst.encode("cp1252"))
    assert len(regios) == 1 and regios[0].naam == "Café-wijk"
    assert regios[0].waarden == {"woningvoorraad": 6878, "koopwoningen": 45.5}


def test_utf16_tab_separated_file():
    tekst = "Regionaam\tRegiocode\tAantal inwoners\nSchiedam\tGM0606\t79644\n"
    assert lees_eigen_data("x.txt", tekst.encode("utf-16"))[0].waarden == {"aantal_inwoners": 79_644}


def test_odata_json_value_and_plain_list():
    record = {"ID": 1, "WijkenEnBuurten": "WK060607  ", "Gemeentenaam_1": "Schiedam   ", "SoortRegio_2": "Wijk  ",
              "Codering_3": "WK060607  ", "AantalInwoners_5": 14440, "k_0Tot15Jaar_8": 2600,
              "GemiddeldAardgasverbruik_55": 800, "HuishOnderOfRondSociaalMinimum_90": None,
              "GemiddeldInkomenPerInwoner_83": "       ."}
    for inhoud in ({"odata.metadata": "x", "value": [record]}, [record], {"d": {"results": [record]}}):
        (regio,) = lees_eigen_data("85318NED.json", json.dumps(inhoud).encode())
        assert regio.code == "WK060607" and regio.soort == "wijk" and regio.gemeentenaam == "Schiedam"
        assert regio.waarden["gem_aardgas"] == 800 and regio.waarden["0_15"] == pytest.approx(18.0, abs=0.01)
        assert regio.waarden["pct_rond_sociaal_min"] is None and regio.waarden["gem_inkomen_inwoner"] is None


@pytest.mark.parametrize(("naam", "inhoud", "melding"), [
    ("leeg.csv", b"", "is leeg"),
    ("spaties.csv", b"  \n\n ", "is leeg"),
    ("adressen.csv", b"naam;straat;plaats\nPiet;Dorpsstraat 1;Delft\n", "herkent het werkboek geen kolommen"),
    ("alleen-regio.csv", b"Wijken en buurten;Opmerking\nSchiedam;mooi\n", "geen cijfers van de Kerncijfers"),
    ("geen-regio.csv", b"Aantal inwoners;Woningvoorraad\n100;50\n", "geen kolom met de regio"),
    ("rafelig.csv", b"Wijken en buurten;Aantal inwoners\nSchiedam;79644;12;13\n", "regel 2 heeft 4 kolommen"),
    ("kapot.json", b'{"value": [{"WijkenEnBuurten": "GM0606", ', "beschadigd of onvolledig"),
    ("anders.json", b'{"naam": "iets anders", "aantal": 3}', "niet de vorm van CBS open data"),
    ("lijst.json", b"[1, 2, 3]", "niet de vorm van CBS open data"),
    ("tekst.json", b'"alleen tekst"', "niet de vorm van CBS open data"),
    ("geen-json.json", b"Wijken en buurten;Aantal inwoners\n", "beschadigd of onvolledig"),
    ("vreemd.json", b'[{"naam": "x", "kleur": "rood"}]', "geen kolom met de regio"),
    ("plaatje.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "afbeelding"),
    ("tabel.csv", b"PK\x03\x04" + b"\x00" * 50, "Excel"),
    ("binair.csv", b"abc\x00def\x00" * 20, "geen tekstbestand"),
    ("stuurtekens.csv", bytes(range(1, 32)) * 20, "geen tekstbestand"),
    ("kapotte-tekens.csv", b"Wijken en buurten;Aantal inwoners\nSchi\x81\x8d;1\n", "niet te lezen"),
    ("leeg-cijfers.csv", b"Wijken en buurten;Aantal inwoners\nSchiedam;.\nDelft;x\n", "geen bekende cijfers"),
    ("alleen-kop.csv", b"Wijken en buurten;Aantal inwoners\n", "geen regels met cijfers"),
])
def test_bad_files_get_a_clear_dutch_message(naam, inhoud, melding):
    with pytest.raises(InvoerFout, match=melding):
        lees_eigen_data(naam, inhoud)


def test_too_big_is_refused_before_reading(monkeypatch):
    def niet_lezen(*_args):
        raise AssertionError("het bestand had niet gelezen mogen worden")

    monkeypatch.setattr(eigen_data, "_als_tekst", niet_lezen)
    with pytest.raises(InvoerFout, match="50 MB"):
        lees_eigen_data("groot.csv", memoryview(bytearray(MAX_BYTES + 1)))


def test_too_many_rows(monkeypatch):
    monkeypatch.setattr(eigen_data, "MAX_REGELS", 3)
    rijen = "".join(f"Wijk {i};{i}\n" for i in range(5))
    with pytest.raises(InvoerFout, match="meer dan 3 regels"):
        lees_eigen_data("veel.csv", ("Wijken en buurten;Aantal inwoners\n" + rijen).encode())
    with pytest.raises(InvoerFout, match="meer dan 3 regels"):
        lees_eigen_data("veel.json", json.dumps([{"Codering_3": "GM0606", "AantalInwoners_5": 1}] * 5).encode())


@settings(max_examples=60, deadline=None)
@given(waarde=st.floats(-1e7, 1e7, allow_nan=False).map(lambda x: round(x, 3)), komma=st.booleans(),
       spaties=st.booleans())
def test_getal_reads_decimal_comma_and_point(waarde, komma, spaties):
    tekst = repr(waarde) if "e" not in repr(waarde) else f"{waarde:.3f}"
    tekst = tekst.replace(".", ",") if komma else tekst
    assert getal(f"  {tekst} " if spaties else tekst) == pytest.approx(waarde)


@pytest.mark.parametrize("leeg", [".", "x", "X", "", "  .  ", "-", "?", None, "abc", True, math.nan])
def test_getal_missing_marks(leeg):
    assert getal(leeg) is None
