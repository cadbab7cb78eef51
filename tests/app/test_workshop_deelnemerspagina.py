"""The participant's page is opened by a whole room at once, each in a kernel of its own: its import stays light."""

from __future__ import annotations

import subprocess
import sys


def test_deelnemerspagina_laadt_geen_pandas_of_matplotlib():
    """Thirty participant kernels at once: no pandas and no matplotlib (about 65 MB less per kernel)."""
    code = ("import sys; from wijkkompas_widgets.deelnemen import open_deelnemer; "
            "print(sorted(m for m in ('matplotlib', 'pandas') if m in sys.modules))")
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert uit.strip() == "[]"
