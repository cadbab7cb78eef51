"""The shipped content is complete and valid; broken content is reported with file and knooppunt."""

from __future__ import annotations

import re

import pytest

from wijkkompas_widgets.content import SPOOR_LETTERS, ContentFout, laad_inhoud


def test_geleverde_inhoud_heeft_vier_fasen_zes_sporen_en_genoeg_knooppunten(inhoud):
    assert [f.nummer for f in inhoud.fasen] == [1, 2, 3, 4]
    assert [f.naam for f in inhoud.fasen] == [
        "Samen starten", "Karakteriseren van het gebied", "Strategieën identificeren", "Keuzes maken",
    ]
    assert tuple(s.letter for s in inhoud.sporen) == SPOOR_LETTERS
    assert inhoud.spoor("A").naam == "Bewoners doen mee"
    assert len(inhoud.knooppunten) >= 24
    for fase in (1, 2, 3, 4):
        assert len(inhoud.knooppunten_van_fase(fase)) >= 5, f"fase {fase} heeft te weinig knooppunten"


def test_elk_knooppunt_heeft_doel_aanpak_tips_bron_en_geldige_raakvlakken(inhoud):
    ids = {k.id for k in inhoud.knooppunten}
    for k in inhoud.knooppunten:
        assert k.doel and k.aanpak and k.tips and k.bron, k.id
        assert set(k.sporen) <= set(SPOOR_LETTERS), k.id
        assert set(k.raakvlakken) <= ids, k.id
        assert k.id.startswith(f"f{k.fase}-"), k.id


def test_bestuurlijk_gevoelige_knooppunten_uit_de_bron_zijn_gemarkeerd(inhoud):
    for knooppunt_id in ("f1-regierol", "f1-samenwerking-formaliseren", "f1-ambities-en-belangen",
                         "f3-strategieen-koppelkansen", "f4-concept-wup"):
        assert inhoud.knooppunt(knooppunt_id).bestuurlijk_gevoelig


def test_de_twee_woordelijk_bekende_knooppunten_volgen_het_wijkkompas(inhoud):
    ambities = inhoud.knooppunt("f1-ambities-en-belangen")
    assert ambities.sporen == ("B", "C", "F") and "Eigen knooppunt" not in ambities.bron
    assert {"f1-invloed-en-belang", "f2-sociale-koppelkansen", "f2-natuurlijke-momenten"} <= set(ambities.raakvlakken)
    samenwerking = inhoud.knooppunt("f1-samenwerking-formaliseren")
    assert samenwerking.sporen == ("A", "B", "C") and "f1-juiste-partijen" in samenwerking.raakvlakken
    assert "warmteprogramma" in samenwerking.aanpak and "intentieovereenkomst" in samenwerking.tips


def test_praktijkverhalen_met_bron_en_een_datum_bij_elk_knooppunt(inhoud):
    met_verhaal = [k for k in inhoud.knooppunten if k.praktijk]
    assert len(met_verhaal) >= 15
    for k in met_verhaal:
        assert all(v.tekst and v.bron for v in k.praktijk), k.id
    assert all(k.bijgewerkt is not None for k in inhoud.knooppunten)


def test_praktijkverhaal_zonder_bron_noemt_bestand(content_kopie):
    pad = content_kopie / "knooppunten" / "f2-wijkprofiel.md"
    tekst = pad.read_text(encoding="utf-8")
    tekst = tekst.split("## Uit de praktijk")[0].rstrip() + "\n\n## Uit de praktijk\nEen verhaal zonder herkomst.\n"
    pad.write_text(tekst, encoding="utf-8")
    melding = _fout(content_kopie)
    assert "f2-wijkprofiel.md (knooppunt 'f2-wijkprofiel'): praktijkverhaal 1" in melding
    assert "heeft geen bron" in melding and "'Bron: …'" in melding


def test_twee_verhalen_zonder_lege_regel_ertussen(content_kopie):
    pad = content_kopie / "knooppunten" / "f3-criteria-en-weging.md"
    tekst = pad.read_text(encoding="utf-8").split("## Uit de praktijk")[0].rstrip()
    pad.write_text(tekst + "\n\n## Uit de praktijk\nEen.\nBron: A\nTwee.\nBron: B\n", encoding="utf-8")
    assert "meer dan één bronregel" in _fout(content_kopie)


def test_ontbrekende_datum_en_onbekende_kop(content_kopie):
    pad = content_kopie / "knooppunten" / "f4-inspraak.md"
    tekst = pad.read_text(encoding="utf-8")
    tekst = re.sub(r"^bijgewerkt:.*\n", "", tekst, count=1, flags=re.M) + "\n## Uit de Praktijk\nTekst.\n"
    pad.write_text(tekst, encoding="utf-8")
    melding = _fout(content_kopie)
    assert "f4-inspraak.md (knooppunt 'f4-inspraak'): bijgewerkt ontbreekt" in melding
    assert "onbekende kop '## Uit de Praktijk'" in melding


def test_verkeerde_datum(content_kopie):
    _zet_kop(content_kopie / "knooppunten" / "f1-regierol.md", "bijgewerkt", "8 december")
    assert "bijgewerkt ontbreekt of is geen datum in de vorm JJJJ-MM-DD" in _fout(content_kopie)


def test_zes_transitieopgaven_en_partijtypen_met_sporen(inhoud):
    assert [o.id for o in inhoud.opgaven] == [
        "energietransitie", "klimaatadaptatie", "natuurinclusiviteit", "mobiliteit", "verstedelijking",
        "sociaaleconomisch",
    ]
    corporatie = inhoud.partijtype("woningcorporatie")
    assert corporatie is not None and "B" in corporatie.sporen
    assert inhoud.partijtype("netbeheerder").sporen == ("F",)


def _zet_kop(pad, sleutel, waarde):
    tekst = pad.read_text(encoding="utf-8")
    nieuw, aantal = re.subn(rf"^{sleutel}:.*$", f"{sleutel}: {waarde}", tekst, count=1, flags=re.M)
    assert aantal == 1
    pad.write_text(nieuw, encoding="utf-8")


def _fout(map_) -> str:
    with pytest.raises(ContentFout) as fout:
        laad_inhoud(map_)
    return str(fout.value)


def test_onbekend_spoor_noemt_bestand_en_knooppunt(content_kopie):
    _zet_kop(content_kopie / "knooppunten" / "f1-regierol.md", "sporen", "[A, G]")
    melding = _fout(content_kopie)
    assert "f1-regierol.md" in melding and "'f1-regierol'" in melding and "onbekend spoor 'G'" in melding


def test_raakvlak_naar_onbekend_knooppunt(content_kopie):
    _zet_kop(content_kopie / "knooppunten" / "f2-wijkprofiel.md", "raakvlakken", "[f9-bestaat-niet]")
    melding = _fout(content_kopie)
    assert "f2-wijkprofiel.md" in melding and "raakvlak naar onbekend knooppunt 'f9-bestaat-niet'" in melding


def test_dubbele_id_noemt_beide_bestanden(content_kopie):
    bron = content_kopie / "knooppunten" / "f1-regierol.md"
    kopie = content_kopie / "knooppunten" / "f1-zz-kopie.md"
    kopie.write_text(bron.read_text(encoding="utf-8"), encoding="utf-8")
    melding = _fout(content_kopie)
    assert "f1-zz-kopie.md (knooppunt 'f1-regierol'): dubbele id, ook gebruikt in f1-regierol.md" in melding


def test_ontbrekend_doel(content_kopie):
    pad = content_kopie / "knooppunten" / "f3-criteria-en-weging.md"
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text(re.sub(r"## Doel\n.*?\n## Aanpak", "## Doel\n\n## Aanpak", tekst, flags=re.S), encoding="utf-8")
    melding = _fout(content_kopie)
    assert "f3-criteria-en-weging.md (knooppunt 'f3-criteria-en-weging')" in melding
    assert "'## Doel' ontbreekt" in melding


def test_alle_problemen_worden_tegelijk_gemeld(content_kopie):
    _zet_kop(content_kopie / "knooppunten" / "f1-regierol.md", "sporen", "[Z]")
    _zet_kop(content_kopie / "knooppunten" / "f4-inspraak.md", "fase", "7")
    with pytest.raises(ContentFout) as fout:
        laad_inhoud(content_kopie)
    assert len(fout.value.problemen) >= 2


def test_ongeldige_yaml_in_sporen(content_kopie):
    (content_kopie / "sporen.yaml").write_text("- letter: A\n  naam: [kapot\n", encoding="utf-8")
    assert "sporen.yaml: geen geldige YAML" in _fout(content_kopie)


def test_vijf_warmtestrategieen_met_waarschuwing_over_duurzaam_gas(inhoud):
    strategieen = inhoud.fase34.strategieen
    assert [s.id for s in strategieen] == ["S1", "S2", "S3", "S4", "S5"]
    assert [s.id for s in strategieen if s.duurzaam_gas] == ["S4", "S5"]
    assert "2030" in inhoud.fase34.waarschuwing_duurzaam_gas and all(s.past_vaak_bij for s in strategieen)


def test_strategie_zonder_naam_wordt_gemeld(content_kopie):
    from wijkkompas_widgets.content import ContentFout, laad_inhoud

    pad = content_kopie / "strategieen.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace('naam: "Hernieuwbaar gas met HR-ketel"', 'naam: ""'),
                   encoding="utf-8")
    with pytest.raises(ContentFout, match="strategie 'S5'"):
        laad_inhoud(content_kopie)
