"""Join codes, recovery codes and the facilitator's PIN: what people type survives the usual
confusions, codes are hard to guess, and a PIN is never stored."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkkompas_widgets.dossier import InvoerFout
from wijkkompas_widgets.workshop import codes
from wijkkompas_widgets.workshop.model import CODE_LENGTE, PIN_MAX, PIN_MIN

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def test_alfabet_is_crockford_zonder_verwarrende_letters():
    assert codes.ALFABET == CROCKFORD and len(set(codes.ALFABET)) == 32
    assert not set("ILOU") & set(codes.ALFABET)


def test_deelnamecode_heeft_genoeg_toeval_en_het_juiste_formaat():
    assert CODE_LENGTE * math.log2(len(codes.ALFABET)) >= 30  # issue: at least 30 bits
    gezien = {codes.nieuwe_code() for _ in range(2000)}
    assert len(gezien) == 2000  # 40 bits: a clash among 2000 codes would be a broken generator
    for code in gezien:
        assert len(code) == CODE_LENGTE and set(code) <= set(CROCKFORD)
        assert codes.normaliseer_code(code) == code
    # every position uses the whole alphabet (not e.g. only digits)
    assert {code[0] for code in gezien} == set(CROCKFORD)


@pytest.mark.parametrize("getypt, verwacht", [
    ("K7PQ-2MXD", "K7PQ2MXD"),
    ("k7pq 2mxd", "K7PQ2MXD"),
    ("  k7pq.2mxd ", "K7PQ2MXD"),
    ("K7PQ\u20132MXD", "K7PQ2MXD"),  # a typographic dash from a slide
    ("OOOO-IIII", "00001111"),
    ("lLoO-uUiI", "1100VV11"),
])
def test_deelnamecode_wordt_genormaliseerd(getypt, verwacht):
    assert codes.normaliseer_code(getypt) == verwacht


@pytest.mark.parametrize("getypt", ["", "K7PQ-2MX", "K7PQ-2MXDD", "K7PQ-2MX!", "K7PQ_2MXD", None, 12345678])
def test_onbruikbare_deelnamecode_krijgt_een_nederlandse_melding(getypt):
    with pytest.raises(InvoerFout, match="8 tekens, bijvoorbeeld K7PQ-2MXD"):
        codes.normaliseer_code(getypt)


@given(code=st.text(alphabet=CROCKFORD, min_size=CODE_LENGTE, max_size=CODE_LENGTE),
       scheiding=st.lists(st.sampled_from([" ", "-", ".", "  ", "\u2013"]), min_size=CODE_LENGTE + 1,
                          max_size=CODE_LENGTE + 1),
       klein=st.lists(st.booleans(), min_size=CODE_LENGTE, max_size=CODE_LENGTE))
def test_elke_geschreven_vorm_van_een_code_geeft_dezelfde_code(code, scheiding, klein):
    getypt = scheiding[0] + "".join(
        (teken.lower() if k else teken) + s for teken, k, s in zip(code, klein, scheiding[1:], strict=True))
    assert codes.normaliseer_code(getypt) == code


@given(st.text(max_size=20))
def test_normaliseren_geeft_een_geldige_code_of_een_invoerfout(tekst):
    try:
        code = codes.normaliseer_code(tekst)
    except InvoerFout as fout:
        assert "8 tekens" in str(fout)
    else:
        assert len(code) == CODE_LENGTE and set(code) <= set(CROCKFORD)


def test_herstelcode_zes_tekens_getoond_in_twee_helften():
    herstel = codes.nieuwe_herstelcode()
    assert len(herstel) == codes.HERSTEL_LENGTE == 6 and set(herstel) <= set(CROCKFORD)
    getoond = codes.toon_herstelcode(herstel)
    assert getoond == f"{herstel[:3]}-{herstel[3:]}"
    assert codes.normaliseer_herstelcode(getoond.lower()) == herstel
    assert codes.normaliseer_herstelcode(" abc-123 ") == "ABC123"
    with pytest.raises(InvoerFout, match="6 tekens, bijvoorbeeld ABC-123"):
        codes.normaliseer_herstelcode("ABC-12")


@pytest.mark.parametrize("pin", ["1234", "12345678", " 0000 ", "00000"])
def test_geldige_pincode(pin):
    assert codes.controleer_pin(pin) == pin.strip()


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "", "12 34", "١٢٣٤", 1234, None, "1234\n5"])
def test_ongeldige_pincode_wordt_geweigerd(pin):
    with pytest.raises(InvoerFout, match=f"{PIN_MIN} tot en met {PIN_MAX} cijfers"):
        codes.controleer_pin(pin)


def test_pincode_wordt_alleen_als_gezouten_hash_bewaard():
    eerste, tweede = codes.hash_pin("482913"), codes.hash_pin("482913")
    assert eerste != tweede  # a random salt per hash
    for opgeslagen in (eerste, tweede):
        algoritme, iteraties, zout, afgeleid = opgeslagen.split("$")
        assert (algoritme, int(iteraties)) == ("pbkdf2_sha256", 200_000)
        assert len(bytes.fromhex(zout)) == 16 and len(bytes.fromhex(afgeleid)) == 32
        assert "482913" not in opgeslagen
        assert codes.pin_klopt("482913", opgeslagen) and codes.pin_klopt(" 482913 ", opgeslagen)
        assert not codes.pin_klopt("482914", opgeslagen)


@pytest.mark.parametrize("pin, opgeslagen", [
    ("1234", ""), ("1234", "md5$1$00$00"), ("1234", "pbkdf2_sha256$x$00$00"), ("1234", "pbkdf2_sha256$1$zz$00"),
    (None, "pbkdf2_sha256$1$00$00"), ("١٢٣٤", "pbkdf2_sha256$1$00$00"), ("1234", None),
])
def test_pin_klopt_is_onwaar_bij_iets_onleesbaars(pin, opgeslagen):
    assert codes.pin_klopt(pin, opgeslagen) is False


@settings(max_examples=5, deadline=None)
@given(st.text(alphabet="0123456789", min_size=PIN_MIN, max_size=PIN_MAX))
def test_elke_geldige_pincode_klopt_met_haar_eigen_hash(pin):
    assert codes.pin_klopt(pin, codes.hash_pin(pin))
