"""Join codes, recovery codes and the facilitator's PIN of a live workshop.

Codes use Crockford's base32 alphabet (no I, L, O or U), so what people read off a projector and
type on a phone survives the usual confusions: ``normaliseer_code`` reads O as 0, I and L as 1 and U
as V, ignores case, spaces, dashes and dots. A join code has 8 characters (40 bits, drawn with
``secrets``): guessing one of a few open sessions is hopeless. A recovery code (herstelcode) has 6
characters (30 bits) and only works together with the join code of its session.

The PIN is never stored: only a salted PBKDF2-SHA256 hash (``hash_pin``), compared in constant time
(``pin_klopt``). Brute force is stopped by the store (a session refuses the facilitator after five
wrong PINs for a while), not here.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from ..dossier.model import InvoerFout
from .model import CODE_LENGTE, PIN_MAX, PIN_MIN

ALFABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: 32 symbols, 5 bits each
HERSTEL_LENGTE = 6  # 30 bits
PIN_ITERATIES = 200_000
_ALGORITME = "pbkdf2_sha256"
_VERWARRING = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})
_WEGLATEN = re.compile(r"[\s\-.\u2010-\u2015]+")  # spaces, dashes (also typographic ones) and dots
_PIN = re.compile(r"^[0-9]+$")
_MELDING_CODE = (f"Een deelnamecode heeft {CODE_LENGTE} tekens, bijvoorbeeld K7PQ-2MXD. Controleer de code op het "
                 "scherm en typ hem opnieuw.")
_MELDING_HERSTEL = (f"Een herstelcode heeft {HERSTEL_LENGTE} tekens, bijvoorbeeld ABC-123. Je kreeg hem toen je "
                    "je aanmeldde; typ hem opnieuw.")


def _willekeurig(lengte: int) -> str:
    return "".join(secrets.choice(ALFABET) for _ in range(lengte))


def _normaliseer(tekst: object, lengte: int, melding: str) -> str:
    if not isinstance(tekst, str):
        raise InvoerFout(melding)
    schoon = _WEGLATEN.sub("", tekst).upper().translate(_VERWARRING)
    if len(schoon) != lengte or any(teken not in ALFABET for teken in schoon):
        raise InvoerFout(melding)
    return schoon


def nieuwe_code() -> str:
    """A fresh join code: ``CODE_LENGTE`` random Crockford characters (the store retries on a clash)."""
    return _willekeurig(CODE_LENGTE)


def normaliseer_code(tekst: object) -> str:
    """The join code as stored, from what someone typed ('k7pq-2mxd', 'K7PQ 2MXO' → 'K7PQ2MX0')."""
    return _normaliseer(tekst, CODE_LENGTE, _MELDING_CODE)


def nieuwe_herstelcode() -> str:
    """A fresh recovery code, normalised (6 characters); shown as 'ABC-123' by ``toon_herstelcode``."""
    return _willekeurig(HERSTEL_LENGTE)


def normaliseer_herstelcode(tekst: object) -> str:
    return _normaliseer(tekst, HERSTEL_LENGTE, _MELDING_HERSTEL)


def toon_herstelcode(code: str) -> str:
    """'ABC123' → 'ABC-123': two halves are easier to write down and read back."""
    helft = len(code) // 2
    return f"{code[:helft]}-{code[helft:]}"


def controleer_pin(pin: object) -> str:
    """A facilitator PIN: ``PIN_MIN`` to ``PIN_MAX`` digits (spaces around it are ignored)."""
    tekst = pin.strip() if isinstance(pin, str) else ""
    if not _PIN.match(tekst) or not PIN_MIN <= len(tekst) <= PIN_MAX:
        raise InvoerFout(f"Een pincode bestaat uit {PIN_MIN} tot en met {PIN_MAX} cijfers (alleen 0-9). "
                         "Er is niets opgeslagen.")
    return tekst


def hash_pin(pin: str) -> str:
    """'pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>' with a random 16-byte salt."""
    pin = controleer_pin(pin)
    zout = secrets.token_bytes(16)
    afgeleid = hashlib.pbkdf2_hmac("sha256", pin.encode("ascii"), zout, PIN_ITERATIES)
    return f"{_ALGORITME}${PIN_ITERATIES}${zout.hex()}${afgeleid.hex()}"


def pin_klopt(pin: object, opgeslagen: str) -> bool:
    """Does ``pin`` match the stored hash? False (never an error) for anything malformed."""
    try:
        algoritme, iteraties, zout, verwacht = opgeslagen.split("$")
        iteraties_ = int(iteraties)
        zout_ = bytes.fromhex(zout)
        verwacht_ = bytes.fromhex(verwacht)
    except (AttributeError, ValueError):
        return False
    if algoritme != _ALGORITME or not 1 <= iteraties_ <= 10_000_000:
        return False
    tekst = pin.strip() if isinstance(pin, str) else ""
    if not tekst.isascii():
        tekst = ""
    afgeleid = hashlib.pbkdf2_hmac("sha256", tekst.encode("ascii"), zout_, iteraties_)
    return hmac.compare_digest(afgeleid, verwacht_) and bool(_PIN.match(tekst))
