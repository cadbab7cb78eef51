"""How ``wijkkompas start`` runs Voilà: every option in one place, as a testable argument list."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from .paths import jupyter_share_dir, notebooks_dir

WELKOM = "00_welkom.ipynb"
DEELNEMER = "workshop_deelnemer.ipynb"  # the page every workshop participant opens at once
TEMPLATE = "wijkkompas"
MAX_UPLOAD = 50 * 1024 * 1024  # the template refuses bigger files in the browser (see index.html.j2)
WEBSOCKET_MAX_BERICHT = 64 * 1024 * 1024  # room for a 50 MB upload plus the message around it


@dataclass(frozen=True)
class StartOpties:
    port: int = 8866
    ip: str = "127.0.0.1"
    open_browser: bool = True
    pool_size: int = 1
    # Pre-heated kernels for the workshop participant page alone: a room of 30 opens it within a
    # minute, so it needs a bigger pool than the other pages (0 = the same as pool_size).
    workshop_pool: int = 0
    # Idle kernels (a closed tab) are shut down after this many seconds; a participant who
    # keeps the tab open is never culled (cull_connected stays False).
    cull_idle_timeout: int = 900
    cull_interval: int = 60
    notebooks: Path | None = None


def voila_argv(opties: StartOpties) -> list[str]:
    """The Voilà command line (without the program name)."""
    notebooks = opties.notebooks or notebooks_dir()
    argv = [
        str(notebooks),
        f"--port={opties.port}",
        f"--Voila.ip={opties.ip}",
        "--Voila.port_retries=0",
        "--no-browser",  # we open the welcome page ourselves, not the file list
        f"--template={TEMPLATE}",
        "--VoilaExporter.language_code=nl",
        "--theme=light",
        f"--MappingKernelManager.cull_interval={opties.cull_interval}",
        f"--MappingKernelManager.cull_idle_timeout={opties.cull_idle_timeout}",
        "--MappingKernelManager.cull_connected=False",
        "--VoilaConfiguration.show_tracebacks=False",
        # No --VoilaExecutor.timeout: a pre-heated kernel waits in its first cell
        # (wait_for_request) until a visitor arrives, and a cell timeout would kill it.
    ]
    if opties.pool_size > 0 or opties.workshop_pool > 0:
        argv += ["--preheat_kernel=True", f"--pool_size={opties.pool_size}"]
    if opties.workshop_pool > 0:
        argv.append(f"--WijkkompasVoila.workshop_pool={opties.workshop_pool}")
    return argv


def kernel_pools(pool_size: int, workshop_pool: int) -> dict:
    """Voilà's per-notebook pool sizes: the participant page gets its own (see StartOpties)."""
    return {"default": {"pool_size": pool_size}, DEELNEMER: {"pool_size": workshop_pool}}


def voila_omgeving(basis: dict[str, str] | None = None) -> dict[str, str]:
    """Environment with our template on ``JUPYTER_PATH`` (Voilà looks templates up there)."""
    omgeving = dict(os.environ if basis is None else basis)
    paden = [str(jupyter_share_dir())]
    if omgeving.get("JUPYTER_PATH"):
        paden.append(omgeving["JUPYTER_PATH"])
    omgeving["JUPYTER_PATH"] = os.pathsep.join(paden)
    return omgeving


def welkom_url(opties: StartOpties) -> str:
    host = "localhost" if opties.ip in ("127.0.0.1", "0.0.0.0", "::") else opties.ip
    return f"http://{host}:{opties.port}/voila/render/{WELKOM}"


def maak_voila_app_klasse():
    """A Voilà app whose root URL leads to the welcome notebook instead of a file list."""
    # here: Voilà, tornado and jupyter_server load only in the server's own process, not in the CLI or a kernel
    from jupyter_server.utils import url_path_join
    from tornado.web import RedirectHandler
    from traitlets import Int, default
    from voila.app import Voila

    class WijkkompasVoila(Voila):
        name = "wijkkompas"
        workshop_pool = Int(0, help="Voorverwarmde kernels voor de deelnemerspagina van een workshop.").tag(
            config=True)

        def initialize(self, argv=None):
            super().initialize(argv)
            if self.workshop_pool > 0:
                # Set before start() builds the kernel manager, which reads it from our config.
                # (A nested dict on the command line is deprecated in traitlets, hence this trait.)
                self.config.VoilaKernelManager.kernel_pools_config = kernel_pools(
                    self.voila_configuration.default_pool_size, self.workshop_pool)

        @default("tornado_settings")
        def _tornado_settings_standaard(self):
            # An uploaded file travels to the kernel in one websocket message; tornado's default
            # limit (10 MiB) would drop the connection before our own 50 MB check can answer.
            return {"websocket_max_message_size": WEBSOCKET_MAX_BERICHT}

        def init_handlers(self):
            handlers = super().init_handlers()
            welkom = url_path_join(self.server_url, "voila/render", WELKOM)
            handlers.insert(0, (url_path_join(self.server_url, r"/?$"), RedirectHandler, {"url": welkom}))
            handlers.insert(0, (url_path_join(self.server_url, r"/voila/?$"), RedirectHandler, {"url": welkom}))
            return handlers

    return WijkkompasVoila


def main_voila(argv: list[str]) -> None:
    """Entry for the subprocess that ``wijkkompas start`` launches: ``python -m wijkkompas_widgets.server``."""
    maak_voila_app_klasse().launch_instance(argv)


if __name__ == "__main__":
    main_voila(sys.argv[1:])
