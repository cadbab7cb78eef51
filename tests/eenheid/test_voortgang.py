"""Progress over the knooppunten: the welcome page's table and percentage."""

from __future__ import annotations

from wijkkompas_widgets.analysis.voortgang import percentage_afgerond, voortgang_per_fase


def test_voortgang_telt_alle_knooppunten_per_fase(inhoud):
    statussen = {"f1-regierol": "afgerond", "f1-juiste-partijen": "gestart", "f2-wijkprofiel": "herzien"}
    tabel = voortgang_per_fase(inhoud, statussen)
    assert list(tabel.columns) == ["Niet gestart", "Gestart", "Gepauzeerd", "Afgerond", "Herzien"]
    assert tabel.to_numpy().sum() == len(inhoud.knooppunten)
    eerste = tabel.loc["1 Samen starten"]
    assert (eerste["Afgerond"], eerste["Gestart"]) == (1, 1)
    assert tabel.loc["2 Karakteriseren van het gebied", "Herzien"] == 1
    assert percentage_afgerond(inhoud, statussen) == round(100 * 2 / len(inhoud.knooppunten))
