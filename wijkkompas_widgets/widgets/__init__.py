"""ipywidgets views: one module per exercise, plus the shared kaart and dossier header.

A widget never computes: it calls ``analysis``, draws with ``charts`` and saves with ``dossier``.
"""
