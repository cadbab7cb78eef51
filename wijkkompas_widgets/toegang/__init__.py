"""Who is visiting: the signed identity a server hands to a kernel (``identiteit``, pure), the rate limit of
failed sign-ins (``afremmer``, pure), and the server's sign-in pages and guard (``poort``, tornado; loaded only in
the Voilà server process)."""
