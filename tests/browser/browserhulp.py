"""Helpers shared by the browser tests."""

WACHT_MS = 90_000  # the first page of a fresh server is the slowest


def open_pagina(page, url: str, wacht_op: str = ".wk-dossierkop"):
    """Open a werkboek page and wait until its widgets are really there."""
    page.goto(url, timeout=WACHT_MS)
    page.locator(wacht_op).first.wait_for(timeout=WACHT_MS)
    return page
