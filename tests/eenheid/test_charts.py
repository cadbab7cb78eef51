"""Chart builders return figures that carry their information as text, not colour alone."""

from __future__ import annotations

from matplotlib.cbook import is_math_text

from wijkkompas_widgets.analysis.voortgang import voortgang_per_fase
from wijkkompas_widgets.charts import figuur_naar_png
from wijkkompas_widgets.charts.belangen import belangen_figuur
from wijkkompas_widgets.charts.machtbelang import machtbelang_figuur
from wijkkompas_widgets.charts.voortgang import voortgang_figuur


def _teksten(figuur) -> list[str]:
    return [t.get_text() for as_ in figuur.axes for t in as_.texts]


def test_machtbelang_raster_toont_kwadranten_en_partijnamen():
    figuur = machtbelang_figuur([("Gemeente", 9, 9), ("Corporatie", 9, 9), ("Bewoners", 2, 8)])
    teksten = _teksten(figuur)
    for kwadrant in ("Actief betrekken", "Tevreden stellen", "Consulteren", "Informeren"):
        assert kwadrant in teksten
    assert "Gemeente\nCorporatie" in teksten  # same spot: listed under each other, none hidden
    assert "Bewoners" in teksten
    assert figuur_naar_png(figuur).startswith(b"\x89PNG")


def test_leeg_raster_zegt_dat_er_nog_niemand_staat():
    figuur = machtbelang_figuur([])
    assert "nog geen partijen" in figuur.axes[0].get_title()


def test_voortgangsfiguur_heeft_aantallen_in_de_balken_en_een_legenda(inhoud):
    figuur = voortgang_figuur(voortgang_per_fase(inhoud, {"f1-regierol": "afgerond"}))
    assert "1" in _teksten(figuur)
    legenda = [t.get_text() for t in figuur.axes[0].get_legend().get_texts()]
    assert legenda == ["Niet gestart", "Gestart", "Gepauzeerd", "Afgerond", "Herzien"]


def test_dollartekens_in_namen_worden_letterlijk_getekend():
    """matplotlib reads '$…$' as a formula; a party called '$\\frac$' is drawn as that name, not as maths, and the
    chart still renders."""
    naam = r"$\frac$ Fonds"
    getekend = naam.replace("$", r"\$")  # escaped: matplotlib shows the dollar signs themselves

    raster = machtbelang_figuur([(naam, 5, 5)])
    namen = [t for t in _teksten(raster) if "Fonds" in t]
    assert namen == [getekend] and not is_math_text(namen[0])
    assert raster.axes[0].get_title() == "Macht/belang-raster"
    assert figuur_naar_png(raster).startswith(b"\x89PNG")

    belangen = belangen_figuur([naam], [naam], {(0, 0): ("belang", True)})
    as_ = belangen.axes[0]
    assert [t.get_text() for t in as_.get_xticklabels()] == [getekend]
    assert [t.get_text() for t in as_.get_yticklabels()] == [getekend]
    assert not is_math_text(getekend)
    assert [t.get_text() for t in as_.texts] == ["●★"]  # the interest, marked as top priority
    assert "★ = topprioriteit" in as_.get_title()
    assert figuur_naar_png(belangen).startswith(b"\x89PNG")
