"""The read-model: what a page and the Word/Excel report both show, computed once.

Each module reads one exercise's data through a store object that is passed in (the store is never imported
here; type hints only) and works it out with ``analysis/``: the state of the afweging, the wijkprofiel of a
dossier, the besluitenlog rows, labels, alt texts and verdict sentences. An exercise's view and the exports call
the same function, so the page and the report cannot drift apart in what they say. ``dossier.py`` reads one
whole dossier for the exports (every part on first use, once).

No SQLAlchemy, no ipywidgets, no matplotlib: the exports run without a page and the pages without a report.
"""
