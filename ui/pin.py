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
# Every PIN try runs PBKDF2 this many rounds, so a stored hash must stay within a range. The floor keeps guessing
# from a stolen config slow; the ceiling keeps one try under about half a second on a slow kiosk CPU (a million
# rounds take 0.17 s on a 2020s server core). Without it, 10**9 rounds froze the kiosk for 207 s per try and
# 10**10 made even the right PIN raise OverflowError, so staff could never leave.
MIN_ITERATIONS, MAX_ITERATIONS = 100_000, 1_000_000
MIN_DIGITS, MAX_DIGITS = 4, 12


class PinError(ValueError):
    """A PIN or a stored hash is not usable; the message says why."""


def check_pin_format(pin: str) -> None:
    if not pin.isdigit() or not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        raise PinError(f"the PIN must be {MIN_DIGITS} to {MAX_DIGITS} digits")


def hash_pin(pin: str, iterations: int = ITERATIONS) -> str:
    """``pbkdf2_sha256$ITERATIONS$SALT$HASH`` with a fresh random salt (base64)."""
    check_pin_format(pin)
    _check_iterations(iterations)
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return "$".join((ALGORITHM, str(iterations), _b64(salt), _b64(digest)))


def _check_iterations(iterations: int) -> None:
    if not MIN_ITERATIONS <= iterations <= MAX_ITERATIONS:
        raise PinError(
            f"the PIN hash's round count must be {MIN_ITERATIONS} to {MAX_ITERATIONS}, got {_rounds(iterations)}; "
            "make a new one with 'screener hash-pin'"
        )


def _rounds(iterations: int) -> str:
    return str(iterations) if iterations.bit_length() <= 64 else "a huge number"


def parse_hash(stored: str) -> tuple[int, bytes, bytes]:
    """The round count, salt and digest of a stored hash; PinError says plainly what is wrong with it."""
    parts = stored.split("$")
    if len(parts) != 4 or parts[0] != ALGORITHM:
        raise PinError(f"not a PIN hash made by 'screener hash-pin' (expected {ALGORITHM}$...)")
    rounds = parts[1]
    if not (rounds.isascii() and rounds.isdigit()):
        raise PinError("the PIN hash is damaged (its round count is not a number)")
    if len(rounds) > 18:  # far out of range: no huge int is ever made (Python refuses beyond 4,300 digits)
        raise PinError(
            f"the PIN hash's round count must be {MIN_ITERATIONS} to {MAX_ITERATIONS}, got a {len(rounds)}-digit "
            "number; make a new one with 'screener hash-pin'"
        )
    iterations = int(rounds)
    _check_iterations(iterations)
    try:
        salt, digest = base64.b64decode(parts[2], validate=True), base64.b64decode(parts[3], validate=True)
    except ValueError:
        raise PinError("the PIN hash is damaged (bad base64)") from None
    if len(salt) < 16 or len(digest) != 32:
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
