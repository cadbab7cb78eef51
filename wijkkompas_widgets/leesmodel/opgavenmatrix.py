"""What the opgavenmatrix page and the Word report both show: the summary's three lists with their headings, the
grid for the heatmap and its alt text. Written once so the page and the report name the same pairs in the same
words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..analysis.opgavenmatrix import MatrixSamenvatting, teken

Matrix = Mapping[tuple[str, str], int | None]


def lijsten(overzicht: MatrixSamenvatting) -> list[tuple[str, str, tuple[str, ...], str]]:
    """(symbol, heading, sentences, what to say when there are none) for the three lists of the summary."""
    return [
        ("▲", "Sterkste versterkingen", overzicht.versterken, "nog geen opgaven die elkaar helpen."),
        ("▼", "Sterkste botsingen", overzicht.botsen, "nog geen opgaven die elkaar hinderen."),
        ("⇄", "Scheef: de een helpt, de ander hindert", overzicht.scheef, "geen scheve paren."),
    ]


def waarden(matrix: Matrix, ids: Sequence[str]) -> list[list[int | None]]:
    """The grid the heatmap draws: row acts on column, the diagonal empty."""
    return [[None if a == b else matrix[(a, b)] for b in ids] for a in ids]


def figuur_alt(matrix: Matrix, namen: Mapping[str, str]) -> str:
    """The heatmap in words: every filled cell, row acting on column."""
    gevuld = [f"{namen[a]} op {namen[b]}: {teken(x)}" for (a, b), x in matrix.items() if x is not None]
    if not gevuld:
        return "Heatmap van de opgavenmatrix; nog geen cel ingevuld."
    return "Heatmap van de opgavenmatrix, rij werkt op kolom. " + "; ".join(gevuld)
