"""Under X11 (the fallback to cage), what the window manager says about the kiosk window's place in the stack.

Qt asks for "stay on top" once, when the window is mapped; a window manager can take it away later (openbox's
Alt+Space → Layer → Normal, ``wmctrl -b remove,above``), and another window can then sit above the kiosk for good.
This module reads the EWMH properties Qt does not watch — the window's ``_NET_WM_STATE`` and the root window's
``_NET_CLIENT_LIST_STACKING`` and ``_NET_SHOWING_DESKTOP`` — and asks the window manager, in the EWMH way, to put
the kiosk back in the top layer and end a "show desktop". It talks to the X server through libX11 over its own
connection (ctypes: no extra dependency), and never imports Qt, so the guard decides what to do with the answers.

An X error (a window that went away between two calls) is ignored rather than ending the process, which is what
libX11's default error handler would do.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
from dataclasses import dataclass

log = logging.getLogger(__name__)

_ANY_PROPERTY_TYPE = 0
_CLIENT_MESSAGE = 33
_SUBSTRUCTURE_NOTIFY = 1 << 19
_SUBSTRUCTURE_REDIRECT = 1 << 20
_ADD = 1
_FROM_PAGER = 2  # "source indication": a pager or taskbar, which window managers obey without focus-stealing rules


class _ClientMessage(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class _Event(ctypes.Union):
    _fields_ = [("xclient", _ClientMessage), ("pad", ctypes.c_long * 24)]


_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)


def _ignore(_display: int, _event: int) -> int:
    return 0


_ignore_error = _ERROR_HANDLER(_ignore)  # kept for the process's lifetime: libX11 holds the pointer


@dataclass(frozen=True)
class Stacking:
    """The kiosk window's place, as the window manager keeps it."""

    in_top_layer: bool  # _NET_WM_STATE holds _NET_WM_STATE_ABOVE
    full_screen: bool  # and _NET_WM_STATE_FULLSCREEN (the window manager's view, which Qt's can differ from)
    on_top: bool  # the last (topmost) of the managed windows in _NET_CLIENT_LIST_STACKING
    showing_desktop: bool  # the window manager's "show desktop" mode is on

    @property
    def in_place(self) -> bool:
        return self.in_top_layer and self.full_screen and self.on_top and not self.showing_desktop


class X11Layer:
    """One connection to the X server for reading and asking about one window's stacking."""

    def __init__(self, lib: ctypes.CDLL, display: int) -> None:
        self._x = lib
        self._display = display
        self._root = lib.XDefaultRootWindow(display)
        self._atoms: dict[str, int] = {}

    @classmethod
    def open(cls) -> X11Layer | None:
        """A connection to ``$DISPLAY``, or None when there is no X display or no libX11 (Wayland, offscreen)."""
        if not os.environ.get("DISPLAY"):
            return None
        name = ctypes.util.find_library("X11")
        if name is None:
            return None
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            return None
        lib.XOpenDisplay.restype = ctypes.c_void_p
        lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        lib.XDefaultRootWindow.restype = ctypes.c_ulong
        lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        lib.XInternAtom.restype = ctypes.c_ulong
        lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.XGetWindowProperty.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long, ctypes.c_int,
            ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_void_p),
        ]  # fmt: skip
        lib.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.POINTER(_Event)]
        lib.XFree.argtypes = [ctypes.c_void_p]
        lib.XFlush.argtypes = [ctypes.c_void_p]
        lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
        lib.XSetErrorHandler.argtypes = [_ERROR_HANDLER]
        lib.XSetErrorHandler.restype = ctypes.c_void_p
        display = lib.XOpenDisplay(None)
        if not display:
            return None
        lib.XSetErrorHandler(_ignore_error)
        return cls(lib, display)

    def close(self) -> None:
        if self._display:
            self._x.XCloseDisplay(self._display)
            self._display = 0

    def _atom(self, name: str) -> int:
        if name not in self._atoms:
            self._atoms[name] = int(self._x.XInternAtom(self._display, name.encode(), 0))
        return self._atoms[name]

    def _longs(self, window: int, prop: str) -> list[int] | None:
        """A 32-bit property as a list (atoms, window ids, cardinals), or None when the window has none."""
        kind, fmt = ctypes.c_ulong(), ctypes.c_int()
        count, after = ctypes.c_ulong(), ctypes.c_ulong()
        data = ctypes.c_void_p()
        status = self._x.XGetWindowProperty(
            self._display, window, self._atom(prop), 0, 4096, 0, _ANY_PROPERTY_TYPE,
            ctypes.byref(kind), ctypes.byref(fmt), ctypes.byref(count), ctypes.byref(after), ctypes.byref(data),
        )  # fmt: skip
        try:
            if status != 0 or fmt.value != 32 or not data.value:
                return None
            values = ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))  # format 32 is held in C longs
            return [int(values[i]) for i in range(count.value)]
        finally:
            if data.value:
                self._x.XFree(data)

    def stacking(self, window: int) -> Stacking:
        state = self._longs(window, "_NET_WM_STATE") or []
        order = self._longs(self._root, "_NET_CLIENT_LIST_STACKING") or []
        showing = self._longs(self._root, "_NET_SHOWING_DESKTOP") or [0]
        # A window manager without the stacking list (or one that has not listed the window yet) is no evidence
        # that something covers it.
        on_top = not order or window not in order or order[-1] == window
        return Stacking(
            self._atom("_NET_WM_STATE_ABOVE") in state,
            self._atom("_NET_WM_STATE_FULLSCREEN") in state,
            on_top,
            bool(showing[0]),
        )

    def _ask(self, window: int, message: str, *data: int) -> None:
        event = _Event()
        event.xclient.type = _CLIENT_MESSAGE
        event.xclient.send_event = 1
        event.xclient.window = window
        event.xclient.message_type = self._atom(message)
        event.xclient.format = 32
        for index, value in enumerate(data[:5]):
            event.xclient.data[index] = value
        mask = _SUBSTRUCTURE_REDIRECT | _SUBSTRUCTURE_NOTIFY
        self._x.XSendEvent(self._display, self._root, 0, mask, ctypes.byref(event))
        self._x.XFlush(self._display)

    def put_back(self, window: int, stacking: Stacking) -> None:
        """Ask the window manager to end "show desktop", put the window in the top layer, full screen, and raise
        it."""
        if stacking.showing_desktop:
            self._ask(self._root, "_NET_SHOWING_DESKTOP", 0)
        if not stacking.in_top_layer or not stacking.full_screen:
            above, full = self._atom("_NET_WM_STATE_ABOVE"), self._atom("_NET_WM_STATE_FULLSCREEN")
            self._ask(window, "_NET_WM_STATE", _ADD, above, full, _FROM_PAGER)
        if not stacking.in_place:
            self._ask(window, "_NET_ACTIVE_WINDOW", _FROM_PAGER, 0, 0)
