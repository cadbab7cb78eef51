"""Wijkkompas werkboek: interactieve oefeningen voor de integrale wijkaanpak.

The package holds all logic; the notebooks in ``notebooks/`` only import and display.
"""

__version__ = "0.1.0"
