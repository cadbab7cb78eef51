"""Matplotlib figure builders: data in, ``Figure`` out; no widgets, no pyplot state.

Figures are made with ``matplotlib.figure.Figure`` directly, so a long-running kernel
never accumulates open pyplot figures.
"""

from .basis import figuur_naar_png

__all__ = ["figuur_naar_png"]
