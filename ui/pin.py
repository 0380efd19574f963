"""Staff PIN: stored only as a salted PBKDF2 hash, checked in constant time, wrong tries slowed down.

Plain standard library (hashlib, hmac, secrets); no Qt, so ``screener hash-pin`` starts fast.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from collections.abc import Callable

ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 240_000
MIN_DIGITS, MAX_DIGITS = 4, 12


class PinError(ValueError):
    """A PIN or a stored hash is not usable; the message says why."""


def check_pin_format(pin: str) -> None:
    if not pin.isdigit() or not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        raise PinError(f"the PIN must be {MIN_DIGITS} to {MAX_DIGITS} digits")


def hash_pin(pin: str, iterations: int = ITERATIONS) -> str:
    """``pbkdf2_sha256$ITERATIONS$SALT$HASH`` with a fresh random salt (base64)."""
    check_pin_format(pin)
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return "$".join((ALGORITHM, str(iterations), _b64(salt), _b64(digest)))


def parse_hash(stored: str) -> tuple[int, bytes, bytes]:
    parts = stored.split("$")
    if len(parts) != 4 or parts[0] != ALGORITHM:
        raise PinError(f"not a PIN hash made by 'screener hash-pin' (expected {ALGORITHM}$...)")
    try:
        iterations = int(parts[1])
        salt, digest = base64.b64decode(parts[2], validate=True), base64.b64decode(parts[3], validate=True)
    except ValueError:
        raise PinError("the PIN hash is damaged (bad number or base64)") from None
    if iterations < 100_000 or len(salt) < 16 or len(digest) != 32:
        raise PinError("the PIN hash is too weak or damaged; make a new one with 'screener hash-pin'")
    return iterations, salt, digest


def verify_pin(pin: str, stored: str) -> bool:
    iterations, salt, digest = parse_hash(stored)
    candidate = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return hmac.compare_digest(candidate, digest)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class PinGate:
    """Checks PINs and slows down guessing: after 3 wrong tries, a wait that doubles each time (30 s, 60 s, ...)."""

    FREE_TRIES = 3
    FIRST_WAIT_S = 30.0
    MAX_WAIT_S = 15 * 60.0

    def __init__(self, stored_hash: str, clock: Callable[[], float] = time.monotonic) -> None:
        parse_hash(stored_hash)
        self._stored = stored_hash
        self._clock = clock
        self._failures = 0
        self._locked_until = 0.0

    def seconds_to_wait(self) -> float:
        return max(0.0, self._locked_until - self._clock())

    def try_pin(self, pin: str) -> bool:
        """True for the right PIN. While locked, every try fails without being checked."""
        if self.seconds_to_wait() > 0:
            return False
        if verify_pin(pin, self._stored):
            self._failures = 0
            return True
        self._failures += 1
        if self._failures >= self.FREE_TRIES:
            wait = min(self.MAX_WAIT_S, self.FIRST_WAIT_S * 2 ** (self._failures - self.FREE_TRIES))
            self._locked_until = self._clock() + wait
        return False
