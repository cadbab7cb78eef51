"""Find and use controls in a widget tree the way a user does: by label, by role (widget kind) and by the
stable ``wk-…`` CSS class; read what the page shows as text. Shared by every test that drives widgets without a
browser, so no test reaches into a widget's private attributes.

    oefening = open_werkboek(...).kaart("f1-juiste-partijen").oefening
    veld(oefening, "Naam").value = "Woonstichting Oost"
    knop(oefening, "Partij opslaan").click()
    assert "toegevoegd" in melding(oefening)
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import ipywidgets as w

_TAG = re.compile(r"<[^>]+>")
_STIJL = re.compile(r"<(style|script)\b.*?</\1>", re.S | re.I)


def zichtbaar(html_tekst: str) -> str:
    """The text a user reads in an HTML value: styles, scripts and tags removed, entities decoded, spaces tidied."""
    zonder_stijl = _STIJL.sub(" ", html_tekst or "")
    return " ".join(html.unescape(_TAG.sub(" ", zonder_stijl)).split())


def getoond(widget: w.Widget) -> bool:
    """False when the widget or one of its own layout settings hides it (``display: none``)."""
    layout = getattr(widget, "layout", None)
    return not (layout is not None and layout.display == "none")


def alle(widget: w.Widget, *, alleen_zichtbaar: bool = False) -> Iterator[w.Widget]:
    """Every widget in the tree below ``widget`` (itself included), depth first, in page order.
    With ``alleen_zichtbaar`` a hidden container hides its whole subtree, as in the browser."""
    if alleen_zichtbaar and not getoond(widget):
        return
    yield widget
    for kind in getattr(widget, "children", ()) or ():
        yield from alle(kind, alleen_zichtbaar=alleen_zichtbaar)


def klassen(widget: w.Widget) -> tuple[str, ...]:
    """The CSS classes the page gives the widget (what a browser test's selector matches)."""
    return tuple(getattr(widget, "_dom_classes", ()))


def met_klasse(widget: w.Widget, klasse: str, *, alleen_zichtbaar: bool = False) -> list[w.Widget]:
    """Every widget in the tree that carries CSS class ``klasse``."""
    return [kind for kind in alle(widget, alleen_zichtbaar=alleen_zichtbaar) if klasse in klassen(kind)]


def een(widget: w.Widget, klasse: str, soort: type | tuple[type, ...] = w.Widget) -> w.Widget:
    """The one widget with CSS class ``klasse`` (of kind ``soort``); fails clearly when there are none or several."""
    gevonden = [kind for kind in met_klasse(widget, klasse) if isinstance(kind, soort)]
    assert len(gevonden) == 1, f"verwacht één widget met klasse {klasse!r}, gevonden: {len(gevonden)}"
    return gevonden[0]


def _label(kind: w.Widget) -> str:
    return zichtbaar(getattr(kind, "description", "") or "")


def _zoek(widget, soort, label, *, exact, alleen_zichtbaar, klasse=None):
    gevonden = []
    for kind in alle(widget, alleen_zichtbaar=alleen_zichtbaar):
        if not isinstance(kind, soort) or (klasse and klasse not in klassen(kind)):
            continue
        tekst = _label(kind)
        if (tekst == label) if exact else (label in tekst):
            gevonden.append(kind)
    return gevonden


def knoppen(widget: w.Widget, label: str = "", *, exact: bool = False, alleen_zichtbaar: bool = True) -> list[w.Button]:
    """The (visible) buttons whose label contains ``label`` (or equals it, with ``exact``)."""
    return _zoek(widget, (w.Button, w.ToggleButton), label, exact=exact, alleen_zichtbaar=alleen_zichtbaar)


def knop(widget: w.Widget, label: str, *, exact: bool = False, klasse: str | None = None) -> w.Button:
    """The one visible button with this label, like ``page.get_by_role('button', name=label)``."""
    gevonden = _zoek(widget, (w.Button, w.ToggleButton), label, exact=exact, alleen_zichtbaar=True, klasse=klasse)
    if not gevonden and not exact:
        gevonden = _zoek(widget, (w.Button, w.ToggleButton), label, exact=True, alleen_zichtbaar=True, klasse=klasse)
    assert len(gevonden) == 1, f"verwacht één knop {label!r}, gevonden: {[_label(k) for k in gevonden]}"
    return gevonden[0]


def velden(widget: w.Widget, label: str = "", *, exact: bool = False, alleen_zichtbaar: bool = True,
           soort: type | tuple[type, ...] = w.ValueWidget) -> list[w.Widget]:
    """The (visible) input controls whose label contains ``label``."""
    soorten = soort if isinstance(soort, tuple) else (soort,)
    gevonden = _zoek(widget, soorten, label, exact=exact, alleen_zichtbaar=alleen_zichtbaar)
    return [kind for kind in gevonden if not isinstance(kind, (w.Button, w.HTML, w.Label, w.HTMLMath))]


def veld(widget: w.Widget, label: str, *, exact: bool = False, klasse: str | None = None,
         soort: type | tuple[type, ...] = w.ValueWidget) -> w.Widget:
    """The one visible input with this label (``description``), like ``page.get_by_label(label)``. ``klasse``
    narrows it to a row or block with that CSS class when the same label stands in every row."""
    basis = een(widget, klasse) if klasse else widget
    gevonden = velden(basis, label, exact=exact, soort=soort)
    if len(gevonden) > 1 and not exact:
        gevonden = velden(basis, label, exact=True, soort=soort) or gevonden
    assert len(gevonden) == 1, f"verwacht één veld {label!r}, gevonden: {[_label(k) for k in gevonden]}"
    return gevonden[0]


def tekst(widget: w.Widget, *, alleen_zichtbaar: bool = True) -> str:
    """All text the widget tree shows: HTML values, labels of controls and the chosen options."""
    delen = []
    for kind in alle(widget, alleen_zichtbaar=alleen_zichtbaar):
        if isinstance(kind, (w.HTML, w.HTMLMath, w.Label)):
            delen.append(zichtbaar(kind.value))
        elif isinstance(kind, (w.Button, w.ToggleButton, w.Checkbox)) or getattr(kind, "description", ""):
            delen.append(_label(kind))
        if isinstance(kind, (w.Text, w.Textarea)):
            delen.append(kind.value)
        elif isinstance(kind, (w.Dropdown, w.RadioButtons, w.Select)) and kind.label:
            delen.append(kind.label)
    return " ".join(deel for deel in delen if deel)


def melding(widget: w.Widget) -> str:
    """The text of the exercise's own message line (the first visible ``wk-melding-vak``)."""
    vakken = met_klasse(widget, "wk-melding-vak", alleen_zichtbaar=True)
    assert vakken, "geen meldingsregel gevonden"
    return zichtbaar(vakken[0].value)


def meldingen(widget: w.Widget) -> str:
    """The text of every visible message line of the tree, one after the other."""
    return " | ".join(zichtbaar(v.value) for v in met_klasse(widget, "wk-melding-vak", alleen_zichtbaar=True)
                      if v.value)


def kies(veld_: w.Widget, label: str) -> None:
    """Choose the option a user reads as ``label`` in a Dropdown, RadioButtons, Select or ToggleButtons."""
    labels = list(veld_._options_labels)
    assert label in labels, f"{label!r} staat niet tussen de keuzes {labels}"
    veld_.index = labels.index(label)


def keuzes(veld_: w.Widget) -> list[str]:
    """The option labels a user sees in a choice control."""
    return list(veld_._options_labels)


def kies_meer(veld_: w.Widget, *labels: str) -> None:
    """Choose these options, as with Ctrl-click, in a SelectMultiple."""
    alle_labels = list(veld_._options_labels)
    assert set(labels) <= set(alle_labels), f"{labels!r} staan niet alle tussen de keuzes {alle_labels}"
    veld_.index = tuple(alle_labels.index(label) for label in labels)


def opmaak(widget: w.Widget, *, alleen_zichtbaar: bool = True) -> str:
    """The raw HTML of every (visible) HTML widget of the tree: for what a user gets from the markup itself —
    a link's address, a download, whether a typed ``<script>`` stays text."""
    return "".join(kind.value for kind in alle(widget, alleen_zichtbaar=alleen_zichtbaar)
                   if isinstance(kind, (w.HTML, w.HTMLMath)))


_ALT = re.compile(r'<img\b[^>]*\balt="([^"]*)"', re.I)


def alt_teksten(widget: w.Widget) -> list[str]:
    """The alt texts of the charts in the tree, as a screen reader reads them."""
    return [html.unescape(alt) for alt in _ALT.findall(opmaak(widget))]


def alle_tekst(widget: w.Widget) -> str:
    """Every text the tree holds, hidden parts, labels, placeholders, tooltips and options included: what the page
    could ever show (for 'this name never reaches that page')."""
    delen = []
    for kind in alle(widget):
        for naam in ("value", "description", "placeholder", "tooltip"):
            waarde = getattr(kind, naam, None)
            if isinstance(waarde, str):
                delen.append(zichtbaar(waarde) if naam == "value" else waarde)
        opties = getattr(kind, "options", None)
        if isinstance(opties, (tuple, list)):
            delen.extend(str(optie) for optie in opties)
    return " ".join(deel for deel in delen if deel)


_DOWNLOAD = re.compile(r'<a class="wk-download" download="([^"]+)" href="data:[^;]+;base64,([^"]+)"')


def downloads(widget: w.Widget) -> dict[str, bytes]:
    """The files the (visible) download links of the tree hold, by file name, as a browser would save them."""
    import base64

    return {html.unescape(naam): base64.b64decode(data) for naam, data in _DOWNLOAD.findall(opmaak(widget))}


def als_upload(inhoud: bytes, naam: str) -> dict:
    """One file as ipywidgets' FileUpload holds it after a user picked it (assign a tuple of these to ``value``)."""
    from datetime import datetime, timezone

    return {"name": naam, "type": "application/json", "size": len(inhoud), "content": memoryview(inhoud),
            "last_modified": datetime(2026, 3, 12, 20, 0, tzinfo=timezone.utc)}
