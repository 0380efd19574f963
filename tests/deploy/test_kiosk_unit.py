"""The systemd unit, its PAM file and the starter config that deploy/ ships say what the README promises."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.deploy.unit_file import DEPLOYED_CONFIG, DEPLOYED_VENV, ROOT, UNIT_PATH, exec_start, read_unit, values
from ui.kiosk_config import ConfigError, parse_config
from ui.pin import hash_pin

DEPLOY = ROOT / "deploy"


def test_unit_runs_the_kiosk_in_cage_as_an_unprivileged_user_and_always_restarts_it() -> None:
    """User, Restart, ExecStart (cage, then the kiosk with --kiosk --config) and the tty1 login session."""
    unit = read_unit()
    assert values(unit, "Service", "User") == ["screener-kiosk"]
    assert values(unit, "Service", "Group") == ["screener-kiosk"]
    assert values(unit, "Service", "Restart") == ["always"]
    assert values(unit, "Service", "TTYPath") == ["/dev/tty1"]
    assert "getty@tty1.service" in " ".join(values(unit, "Unit", "Conflicts"))
    assert values(unit, "Install", "WantedBy")

    command = exec_start(unit)
    assert command[0] == "/usr/bin/cage"
    app = command[command.index("--") + 1 :]
    screener = app.index(f"{DEPLOYED_VENV}/bin/screener")
    assert app[screener + 1 :] == ["--kiosk", "--config", DEPLOYED_CONFIG]
    environment = app[:screener]
    assert environment[0] == "/usr/bin/env"
    assert "QT_QPA_PLATFORM=wayland" in environment
    assert environment[1:3] == ["-u", "DISPLAY"]
    assert any(word.startswith("DBUS_SESSION_BUS_ADDRESS=") for word in environment), "a session bus may start"


def test_unit_opens_a_logind_session_through_its_own_pam_file() -> None:
    """PAMName names deploy/<name>.pam, which requires pam_systemd (cage gets the screen and input from logind)."""
    (name,) = values(read_unit(), "Service", "PAMName")
    rules = [line.split() for line in (DEPLOY / f"{name}.pam").read_text().splitlines() if line.strip()[:1] not in "#"]
    assert ["session", "required", "pam_systemd.so"] in rules
    assert all(rule[0] in {"auth", "account", "session"} for rule in rules), "systemd asks for no password"


def test_unit_hardening_keeps_what_cage_needs() -> None:
    """No new privileges and a private /tmp; nothing that hides /run/user or the GPU and input devices."""
    unit = read_unit()
    assert values(unit, "Service", "NoNewPrivileges") == ["yes"]
    assert values(unit, "Service", "PrivateTmp") == ["yes"]
    assert values(unit, "Service", "IPAddressDeny") == ["any"]
    for breaks_cage in ("ProtectHome", "PrivateDevices", "DevicePolicy", "DeviceAllow", "ProtectClock"):
        assert values(unit, "Service", breaks_cage) in ([], ["no"]), breaks_cage


@pytest.mark.skipif(
    shutil.which("systemd-analyze") is None or shutil.which("cage") is None,
    reason="needs systemd-analyze and cage (tools/apt-test.txt)",
)
def test_systemd_accepts_the_unit() -> None:
    """`systemd-analyze verify` finds no unknown key, bad value or missing program in the unit."""
    done = subprocess.run(["systemd-analyze", "verify", str(UNIT_PATH)], capture_output=True, text=True, timeout=120)
    complaints = [line for line in (done.stdout + done.stderr).splitlines() if UNIT_PATH.name in line]
    assert done.returncode == 0 and not complaints, done.stdout + done.stderr


def test_starter_config_is_ready_once_the_pin_hash_is_appended() -> None:
    """install-kiosk.sh writes deploy/kiosk-starter.toml; `screener hash-pin >> kiosk.toml` completes it."""
    starter = (DEPLOY / "kiosk-starter.toml").read_text(encoding="utf-8")
    with pytest.raises(ConfigError, match="pin_hash"):
        parse_config(starter)
    config = parse_config(starter + f'pin_hash = "{hash_pin("2468")}"\n')
    assert config.default_language == "ja"
    assert config.log_file == "" and config.pdf_folder == "", "the kiosk stores nothing unless staff configure it"
