"""A JupyterHub user's server that runs only the werkboek: jhsingle-native-proxy with two fixes.

JupyterHub starts ``python -m wijkkompas_widgets.hubproxy [jhsingle-native-proxy options] -- wijkkompas start
--hub ...`` (see docs/jupyterhub_config.py). jhsingle-native-proxy does the hub's OAuth (only the server's
owner passes, by the hub's ``access:servers!server=<naam>/`` scope) and forwards HTTP and websockets to the
werkboek on a loopback port of its own. The user gets Voilà and nothing else: no JupyterLab, no terminal, no
kernels API that runs code (standalone Voilà accepts only widget messages from the browser).

Two things jhsingle-native-proxy 0.8.3 (its latest release) gets wrong today, fixed here before it runs:

1. Since tornado 6.6, ``WebSocketHandler.check_origin`` is only asked about requests that look cross-origin;
   the comparison of ``Origin`` and ``Host`` happens before it, in tornado's own ``get``. jhsingle-native-proxy
   has its own copy of that ``get`` and calls ``check_origin`` for every websocket, so every same-origin
   websocket (the page's kernel connection) was refused with 403. We restore the same-origin comparison.
2. Its websocket path never asks who the visitor is (only the HTTP path is ``@web.authenticated``). A kernel
   id is hard to guess, but the kernel websocket should need the owner's sign-in like every other request:
   without it the connection is refused with 403.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def _zelfde_oorsprong(handler, origin: str) -> bool:
    host = handler.request.headers.get("Host", "")
    return bool(host) and urlsplit(origin).netloc.lower() == host.lower()


def herstel_jhsingle() -> None:
    """Patch jhsingle-native-proxy's proxy handler in place (idempotent)."""
    from jhsingle_native_proxy import proxyhandlers
    from tornado.websocket import WebSocketHandler

    handler = proxyhandlers.ProxyHandler
    if getattr(handler, "_wijkkompas_hersteld", False):
        return

    def check_origin(self, origin):
        return _zelfde_oorsprong(self, origin) or WebSocketHandler.check_origin(self, origin)

    oorspronkelijke_ws_get = handler.ws_get

    async def ws_get(self, *args, **kwargs):
        if getattr(self, "authtype", "oauth") == "oauth" and not self.current_user:
            self.set_status(403)
            self.finish("Niet aangemeld bij deze server.")
            return None
        return await oorspronkelijke_ws_get(self, *args, **kwargs)

    handler.check_origin = check_origin
    handler.ws_get = ws_get
    handler._wijkkompas_hersteld = True


def main() -> None:
    herstel_jhsingle()
    from jhsingle_native_proxy.main import run

    run()  # click reads sys.argv: the jhsingle-native-proxy options, then -- and the werkboek's command


if __name__ == "__main__":
    main()
