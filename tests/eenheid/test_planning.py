"""Existing plannings → natural moments: the rules (with hypothesis), the register file (CSV and
Excel, also broken files) and the timeline chart. The register in the store: ``opslag/test_planning_opslag.py``."""

from __future__ import annotations

import io
import random
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from wijkkompas_widgets.analysis.planning import (
    BINNENKORT_JAREN,
    GEHELE_WIJK,
    MAX_WERKEN,
    afstand,
    controleer_werk,
    koppelingen,
    met_id,
    natuurlijke_momenten,
    tijdstatus,
    werk_uit_dict,
    werken_binnenkort,
)
from wijkkompas_widgets.analysis.planning_bestand import (
    KOPPEN,
    MAX_BYTES,
    BestandFout,
    bestandsnaam,
    lees_planningbestand,
    naar_csv,
    naar_xlsx,
)
from wijkkompas_widgets.charts.planning import tijdlijn
from wijkkompas_widgets.dossier import InvoerFout
from wijkkompas_widgets.dossier.records import SOORTEN, Werk, WerkInvoer


def werk(omschrijving="Werk", eigenaar="Gemeente", soort="riolering", gebied="Merelstraat", niveau="straat",
         start=2028, eind=None, zekerheid="gepland", toelichting="", werk_id=0) -> Werk:
    return met_id(WerkInvoer(omschrijving, eigenaar, soort, gebied, niveau, start, start if eind is None else eind,
                             zekerheid, toelichting), werk_id)


# -- the rules, by example -------------------------------------------------------------------
def test_riool_en_gasnet_van_verschillende_partijen_in_dezelfde_straat_zijn_een_moment():
    riool = werk("Riool Merelstraat", "Gemeente Schiedam", "riolering", "Merelstraat", start=2027, eind=2028)
    gas = werk("Gasleiding", "Netbeheerder", "gasnet", " merelstraat ", start=2030)
    elders = werk("Riool Lijsterstraat", "Netbeheerder", "riolering", "Lijsterstraat", start=2028)
    [moment] = natuurlijke_momenten([riool, gas, elders], marge_jaren=2)
    assert moment.gebied == "Merelstraat"
    assert moment.partijen == ("Gemeente Schiedam", "Netbeheerder")
    assert moment.werken == (riool, gas)
    assert (moment.venster_start, moment.venster_eind) == (2028, 2030)  # from the end of one to the start of next
    assert not moment.overlappen
    # with a margin of one year the gap of two years is too wide
    assert natuurlijke_momenten([riool, gas, elders], marge_jaren=1) == []


def test_overlap_geeft_het_overlappende_venster():
    a = werk(eigenaar="Gemeente", start=2027, eind=2031)
    b = werk(eigenaar="Corporatie", soort="corporatie-onderhoud", start=2029, eind=2034)
    [paar] = koppelingen([a, b], 0)
    assert paar.overlappen and paar.afstand == -2
    assert (paar.venster_start, paar.venster_eind) == (2029, 2031)


def test_werken_van_dezelfde_eigenaar_zijn_nooit_een_moment():
    a = werk(eigenaar="Gemeente Schiedam", soort="riolering", start=2028)
    b = werk(eigenaar="gemeente  schiedam", soort="openbare-ruimte", start=2028)
    assert natuurlijke_momenten([a, b], 10) == []


def test_wijkbreed_werk_telt_voor_elk_gebied():
    gasnet = werk("Gasnet vervangen", "Netbeheerder", "gasnet", "Groenoord", niveau="wijk", start=2029, eind=2032)
    merel = werk("Riool Merelstraat", "Gemeente", gebied="Merelstraat", start=2030)
    lijster = werk("Herinrichting", "Gemeente", "openbare-ruimte", gebied="Lijsterstraat", start=2031)
    momenten = natuurlijke_momenten([gasnet, merel, lijster], 0)
    assert [(m.gebied, m.werken) for m in momenten] == [
        ("Merelstraat", (gasnet, merel)),
        ("Lijsterstraat", (gasnet, lijster)),
    ]
    # two wijk-wide works meet each other, in the band of the whole wijk
    net = werk("Netverzwaring", "Gemeente", "elektriciteitsnet", "hele wijk", niveau="regio", start=2030)
    assert any(m.gebied == GEHELE_WIJK and set(m.werken) == {gasnet, net}
               for m in natuurlijke_momenten([gasnet, net], 0))


def test_werken_die_aan_elkaar_schakelen_vormen_een_cluster_met_alle_partijen():
    a = werk("Riool", "Gemeente", start=2027, eind=2028)
    b = werk("Gas", "Netbeheerder", "gasnet", start=2029, eind=2030)
    c = werk("Renovatie", "Corporatie", "corporatie-onderhoud", start=2031, eind=2033)
    [moment] = natuurlijke_momenten([c, a, b], 1)
    assert moment.werken == (a, b, c)
    assert moment.partijen == ("Corporatie", "Gemeente", "Netbeheerder")
    assert len(moment.koppelingen) == 2  # a–b and b–c; a and c are three years apart
    assert (moment.venster_start, moment.venster_eind) == (2028, 2031)


def test_binnenkort_en_tijdstatus():
    nu = 2026
    lopend = werk("Loopt", start=2025, eind=2027)
    volgend_jaar = werk("Volgend jaar", start=2027)
    later = werk("Later", start=2026 + BINNENKORT_JAREN)
    klaar = werk("Klaar", start=2020, eind=2024)
    assert werken_binnenkort([later, klaar, volgend_jaar, lopend], nu) == [lopend, volgend_jaar]
    assert [tijdstatus(w, nu) for w in (lopend, volgend_jaar, later, klaar)] == [
        "loopt al", "start binnenkort", "nog ruim de tijd", "afgerond"]


@pytest.mark.parametrize(
    ("invoer", "melding"),
    [
        (WerkInvoer("  ", "Gemeente", "riolering", "X", "straat", 2028, 2028), "De omschrijving is verplicht"),
        (WerkInvoer("Riool", "Gemeente", "raket", "X", "straat", 2028, 2028), "Kies een soort werk"),
        (WerkInvoer("Riool", "Gemeente", "riolering", "X", "planeet", 2028, 2028), "Kies een schaal"),
        (WerkInvoer("Riool", "Gemeente", "riolering", "X", "straat", 1999, 2028), "tussen 2000 en 2100"),
        (WerkInvoer("Riool", "Gemeente", "riolering", "X", "straat", 2028, 2101), "tussen 2000 en 2100"),
        (WerkInvoer("Riool", "Gemeente", "riolering", "X", "straat", 2030, 2028), "eindjaar ligt voor het startjaar"),
        (WerkInvoer("R" * 201, "Gemeente", "riolering", "X", "straat", 2028, 2028), "te lang"),
        (WerkInvoer("Riool", "Gemeente", "riolering", "X", "straat", 2028, 2028, "misschien"), "hoe zeker"),
        (WerkInvoer("Riool", "", "riolering", "", "straat", 2028, 2028), "De eigenaar is verplicht"),
    ],
)
def test_onjuist_werk_wordt_geweigerd_met_nederlandse_melding(invoer, melding):
    with pytest.raises(InvoerFout, match=melding):
        controleer_werk(invoer)


def test_alle_problemen_van_een_werk_in_een_keer():
    with pytest.raises(InvoerFout) as fout:
        controleer_werk(WerkInvoer("", "", "riolering", "", "straat", 2030, 2028))
    for deel in ("omschrijving", "eigenaar", "gebied", "eindjaar ligt voor het startjaar"):
        assert deel in str(fout.value)


def test_werk_uit_yaml_gegevens_accepteert_labels():
    invoer = werk_uit_dict({"omschrijving": "Gasnet", "eigenaar": "Netbeheerder", "soort": "Gasnet vervangen",
                            "gebied": "Groenoord", "niveau": "Wijk", "start": 2029, "eind": 2031})
    assert controleer_werk(invoer) == WerkInvoer("Gasnet", "Netbeheerder", "gasnet", "Groenoord", "wijk", 2029, 2031)


# -- the rules, as properties ----------------------------------------------------------------
_werken = st.lists(
    st.builds(
        werk,
        omschrijving=st.sampled_from(["Riool", "Gas", "Net"]),
        eigenaar=st.sampled_from(["Gemeente", "Netbeheerder", "Corporatie", "gemeente "]),
        soort=st.sampled_from(sorted(SOORTEN)),
        gebied=st.sampled_from(["Merelstraat", "merelstraat", "Lijsterstraat", "Noord"]),
        niveau=st.sampled_from(["straat", "buurt", "complex", "wijk", "regio"]),
        start=st.integers(2020, 2040),
        eind=st.none(),
    ).flatmap(lambda w: st.integers(0, 6).map(lambda duur: met_id(
        WerkInvoer(w.omschrijving, w.eigenaar, w.soort, w.gebied, w.niveau, w.start_jaar, w.start_jaar + duur)))),
    max_size=9,
)


def _samenvatting(momenten):
    return [(m.gebied_sleutel, m.venster_start, m.venster_eind, tuple(w.volgorde() for w in m.werken))
            for m in momenten]


@settings(max_examples=60, deadline=None)
@given(_werken, st.integers(0, 10), st.randoms(use_true_random=False))
def test_volgorde_van_de_invoer_doet_er_niet_toe(werken, marge, toeval):
    geschud = list(werken)
    toeval.shuffle(geschud)
    assert _samenvatting(natuurlijke_momenten(werken, marge)) == _samenvatting(natuurlijke_momenten(geschud, marge))
    paren = {(p.a.volgorde(), p.b.volgorde(), p.venster_start, p.venster_eind) for p in koppelingen(werken, marge)}
    assert paren == {(p.a.volgorde(), p.b.volgorde(), p.venster_start, p.venster_eind)
                     for p in koppelingen(geschud, marge)}


@settings(max_examples=60, deadline=None)
@given(_werken, st.integers(0, 10))
def test_venster_ligt_nooit_buiten_de_werken(werken, marge):
    for paar in koppelingen(werken, marge):
        assert min(paar.a.start_jaar, paar.b.start_jaar) <= paar.venster_start <= paar.venster_eind
        assert paar.venster_eind <= max(paar.a.eind_jaar, paar.b.eind_jaar)
    for moment in natuurlijke_momenten(werken, marge):
        assert min(w.start_jaar for w in moment.werken) <= moment.venster_start <= moment.venster_eind
        assert moment.venster_eind <= max(w.eind_jaar for w in moment.werken)
        assert len(moment.partijen) >= 2


@settings(max_examples=60, deadline=None)
@given(_werken, st.integers(0, 10))
def test_de_n_jaar_regel(werken, marge):
    """A pair is a moment exactly when: different owners, same area (or one wijk-wide), and at most
    ``marge`` years apart — and then it is in exactly one moment."""
    gevonden = {frozenset((id(p.a), id(p.b))) for p in koppelingen(werken, marge)}
    in_momenten = [frozenset((id(p.a), id(p.b))) for m in natuurlijke_momenten(werken, marge) for p in m.koppelingen]
    assert sorted(map(sorted, in_momenten)) == sorted(map(sorted, gevonden))
    for i, a in enumerate(werken):
        for b in werken[i + 1:]:
            andere_eigenaar = a.eigenaar.strip().casefold() != b.eigenaar.strip().casefold()
            zelfde_gebied = (a.niveau in ("wijk", "regio") or b.niveau in ("wijk", "regio")
                             or a.gebied.casefold() == b.gebied.casefold())
            verwacht = andere_eigenaar and zelfde_gebied and afstand(a, b) <= marge
            assert (frozenset((id(a), id(b))) in gevonden) == verwacht
            if andere_eigenaar and zelfde_gebied and afstand(a, b) <= 0:
                assert frozenset((id(a), id(b))) in gevonden  # overlapping works count with any margin


def test_marge_buiten_bereik_wordt_geweigerd():
    with pytest.raises(InvoerFout, match="marge"):
        natuurlijke_momenten([], 11)


# -- files -----------------------------------------------------------------------------------
REGISTER = [
    werk("Riool Merelstraat", "Gemeente Schiedam", "riolering", "Merelstraat", "straat", 2027, 2028, "vastgesteld",
         "GRP 2025-2029", werk_id=1),
    werk("=Gasnet; fase 2", "Netbeheerder \"Delta\"", "gasnet", "Groenoord", "wijk", 2029, 2032, "verkenning",
         "Eerste regel\nTweede regel", werk_id=2),
    werk("'s-Hertogenbosch-complex", "Woonstichting", "corporatie-onderhoud", "Complex 12", "complex", 2030, 2030,
         "gepland", "+ isolatie; @ dak; -", werk_id=3),
]


@pytest.mark.parametrize(("naar", "naam"), [(naar_csv, "register.csv"), (naar_xlsx, "register.xlsx")])
def test_export_en_import_geven_precies_dezelfde_werken(naar, naam):
    assert lees_planningbestand(naam, naar(REGISTER)) == [w.als_invoer() for w in REGISTER]


def test_csv_is_voor_nederlandse_excel_en_zonder_formules():
    data = naar_csv(REGISTER)
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the file as UTF-8
    regels = data.decode("utf-8-sig").splitlines()
    assert regels[0] == ";".join(KOPPEN)
    assert regels[1].split(";")[2] == SOORTEN["riolering"].label
    assert regels[2].startswith('"\'=Gasnet')  # a spreadsheet shows it as text, it does not run it
    assert "'s-Hertogenbosch" in regels[-1] and "''s" not in regels[-1]


def test_excel_export_heeft_getypte_jaren_en_tekst_blijft_tekst():
    from openpyxl import load_workbook

    boek = load_workbook(io.BytesIO(naar_xlsx(REGISTER)))
    blad = boek["Planning"]
    assert [c.value for c in blad[1]] == list(KOPPEN)
    assert blad["F2"].value == 2027 and isinstance(blad["F2"].value, int)
    assert blad["A3"].value == "=Gasnet; fase 2" and blad["A3"].data_type == "s"
    assert "Keuzelijsten" in boek.sheetnames


@settings(max_examples=15, deadline=None)
@given(st.lists(st.tuples(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=30),
    st.sampled_from(sorted(SOORTEN)), st.integers(2000, 2100), st.integers(0, 5),
), min_size=1, max_size=5))
def test_rondreis_met_willekeurige_teksten(rijen):
    werken = []
    for tekst, soort, start, duur in rijen:
        schoon = " ".join(tekst.split()) or "x"
        werken.append(met_id(controleer_werk(WerkInvoer(schoon, schoon, soort, schoon, "buurt", start,
                                                        min(start + duur, 2100), "gepland", schoon))))
    verwacht = [w.als_invoer() for w in werken]
    assert lees_planningbestand("a.csv", naar_csv(werken)) == verwacht
    assert lees_planningbestand("a.xlsx", naar_xlsx(werken)) == verwacht


def test_import_is_ruim_met_kopnamen_en_labels():
    tekst = (
        "Omschrijving ; EIGENAAR;Type;gebied;Schaal;Start jaar;eind_jaar\n"
        "Riool;Gemeente;riolering;Merelstraat;straat;2028;2029\n"
        ";;;;;;\n"
        "Gas;Netbeheerder;GASNET VERVANGEN;Merelstraat;Straat;2030.0;2030\n"
    )
    werken = lees_planningbestand("eigen.csv", tekst.encode("cp1252"))
    assert [(w.soort, w.niveau, w.start_jaar, w.zekerheid) for w in werken] == [
        ("riolering", "straat", 2028, "gepland"), ("gasnet", "straat", 2030, "gepland")]


def test_alle_rijfouten_tegelijk_met_rijnummer_en_niets_ingelezen():
    tekst = (
        "omschrijving;eigenaar;soort;gebied;niveau;startjaar;eindjaar;zekerheid\n"
        "Riool;Gemeente;riolering;Merelstraat;straat;2028;2029;gepland\n"
        "Gas;Netbeheerder;gasnet;Merelstraat;straat;2031;2030;gepland\n"
        ";Corporatie;raket;Complex;complex;volgend jaar;2040;zeker\n"
    )
    with pytest.raises(BestandFout) as fout:
        lees_planningbestand("fout.csv", tekst.encode())
    assert "Rij 3: het eindjaar ligt voor het startjaar." in fout.value.fouten
    rij4 = [f for f in fout.value.fouten if f.startswith("Rij 4:")]
    assert any("omschrijving is verplicht" in f for f in rij4)
    assert any("'raket' is onbekend" in f for f in rij4)
    assert any("'volgend jaar' is geen jaartal" in f for f in rij4)
    assert any("'zeker' is onbekend" in f for f in rij4)
    assert not any(f.startswith("Rij 2") for f in fout.value.fouten)
    assert "niets ingelezen" in str(fout.value)


def _xlsx_met_rijen(rijen) -> bytes:
    from openpyxl import Workbook

    boek = Workbook()
    for rij in rijen:
        boek.active.append(rij)
    buffer = io.BytesIO()
    boek.save(buffer)
    return buffer.getvalue()


def test_eigen_excel_met_rijfout_en_getallen_als_tekst():
    data = _xlsx_met_rijen([
        ["titel van mijn overzicht"],  # a title above the headers is not the header row …
        ["omschrijving", "eigenaar", "soort", "gebied", "niveau", "startjaar", "eindjaar"],
    ])
    with pytest.raises(BestandFout, match="kolomnamen in rij 1"):
        lees_planningbestand("eigen.xlsx", data)
    data = _xlsx_met_rijen([
        ["omschrijving", "eigenaar", "soort", "gebied", "niveau", "startjaar", "eindjaar"],
        ["Riool", "Gemeente", "riolering", 12, "complex", "2028", 2029.0],
        ["Gas", "Netbeheerder", "gasnet", "Noord", "buurt", 2031, 1999],
    ])
    with pytest.raises(BestandFout) as fout:
        lees_planningbestand("eigen.xlsx", data)
    assert fout.value.fouten == ("Rij 3: het eindjaar moet tussen 2000 en 2100 liggen (nu 1999).",)


@pytest.mark.parametrize(
    ("naam", "data", "melding"),
    [
        ("leeg.csv", b"", "leeg"),
        ("leeg.csv", b"\xef\xbb\xbf\r\n;;\r\n", "leeg"),
        ("alleen-kop.csv", ";".join(KOPPEN).encode(), "geen werken"),
        ("verkeerd.csv", b"naam;jaar\nRiool;2028\n", "kolomnamen in rij 1 kloppen niet"),
        ("dubbel.csv", (";".join(KOPPEN) + ";Eigenaar\n").encode(), "meer dan eens"),
        ("plaatje.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "geen CSV- of Excel-bestand"),
        ("kapot.xlsx", b"PK\x03\x04 dit is geen zip", "kan niet worden gelezen"),
        ("nep.xlsx", b"omschrijving;eigenaar\n", "geen Excel-werkmap"),
        ("oud.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "oude formaat"),
        ("tekst.pdf", b"%PDF-1.4", "Kies een CSV-bestand"),
        ("groot.csv", b"x" * (MAX_BYTES + 1), "te groot"),
    ],
)
def test_slechte_bestanden_geven_een_nederlandse_melding(naam, data, melding):
    with pytest.raises(BestandFout, match=melding):
        lees_planningbestand(naam, data)


def test_zip_zonder_werkmap_en_zipbom_worden_geweigerd():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archief:
        archief.writestr("iets.txt", "geen werkmap")
    with pytest.raises(BestandFout, match="kan niet worden gelezen"):
        lees_planningbestand("a.xlsx", buffer.getvalue())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archief:
        archief.writestr("xl/worksheets/sheet1.xml", b"\x00" * (70 * 1024 * 1024))
    assert len(buffer.getvalue()) < MAX_BYTES
    with pytest.raises(BestandFout, match="uitgepakt te groot"):
        lees_planningbestand("bom.xlsx", buffer.getvalue())


def test_te_veel_rijen_wordt_geweigerd():
    rij = "Riool;Gemeente;riolering;X;straat;2028;2028\n"
    data = (";".join(KOPPEN[:7]) + "\n" + rij * (MAX_WERKEN + 1)).encode()
    with pytest.raises(BestandFout, match=f"meer dan {MAX_WERKEN} werken"):
        lees_planningbestand("veel.csv", data)


def test_bestandsnaam_is_veilig():
    assert bestandsnaam("Voorbeeld: Groenoord & Kethel", "csv") == "planning-voorbeeld-groenoord-kethel.csv"
    assert bestandsnaam("<>", "xlsx") == "planning-dossier.xlsx"


# -- chart -----------------------------------------------------------------------------------
def test_tijdlijn_met_een_tot_veertig_werken_en_lastige_namen():
    assert isinstance(tijdlijn([], [], 2026), Figure)
    toeval = random.Random(3)
    werken = [werk(f"Werk {i}", toeval.choice(["Gemeente $x$", "Net", "Corporatie"]), toeval.choice(sorted(SOORTEN)),
                   toeval.choice(["A", "B", "C"]), toeval.choice(["straat", "wijk"]), 2026 + i % 12,
                   2026 + i % 12 + toeval.randint(0, 3), toeval.choice(["vastgesteld", "gepland", "verkenning"]))
              for i in range(40)]
    for aantal in (1, 5, 40):
        momenten = natuurlijke_momenten(werken[:aantal], 2)
        figuur = tijdlijn(werken[:aantal], momenten, 2026, 2)
        figuur.canvas.draw()  # drawing fails on bad labels ('$x$'), not making the figure
        labels = [t.get_text() for t in figuur.axes[0].get_yticklabels()]
        assert sum(1 for label in labels if "·" in label) == aantal  # one labelled row per work
        legenda = [t.get_text() for t in figuur.axes[0].get_legend().get_texts()]
        assert {"Vastgesteld", "Gepland", "Verkenning", "nu (2026)"} <= set(legenda)


def test_tijdlijn_van_een_groot_register_blijft_leesbaar():
    werken = [werk(f"Werk {i}", "Gemeente", gebied=f"Straat {i}", start=2026 + i % 20) for i in range(300)]
    moment = [werk("Gas", "Net", "gasnet", gebied="Straat 299", start=2026 + 299 % 20)]
    momenten = natuurlijke_momenten(werken + moment, 0)
    figuur = tijdlijn(werken + moment, momenten, 2026, 0)
    assert figuur.get_size_inches()[1] < 50  # 60 works, each in its own area: 120 lines
    labels = [t.get_text() for t in figuur.axes[0].get_yticklabels()]
    assert any(label.startswith("Net ·") for label in labels)  # works in a moment are never the ones left out
    assert "241 niet" in figuur.axes[0].get_title()


def test_tijdlijn_nummert_de_momenten_zoals_de_lijst():
    a = werk("Riool", "Gemeente", start=2028)
    b = werk("Gas", "Netbeheerder", "gasnet", start=2029)
    figuur = tijdlijn([a, b], natuurlijke_momenten([a, b], 2), 2026, 2)
    teksten = [t.get_text() for t in figuur.axes[0].texts]
    assert "◆ 1" in teksten
    assert "2028  ◆ 1" in teksten and "2029  ◆ 1" in teksten
