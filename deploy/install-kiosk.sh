#!/bin/bash
# Sets up this Debian 12 machine as a magnesium self-check kiosk: cage on tty1 shows `screener --kiosk` as the
# unprivileged user screener-kiosk, from boot. Run as root from the checkout:
#     deploy/install-kiosk.sh                      # Python packages from the package index, as locked
#     deploy/install-kiosk.sh --wheelhouse DIR     # no network at all: the locked packages from DIR
# (make DIR on a connected Debian 12 machine of the same architecture with deploy/make-wheelhouse.sh DIR).
# Either way pip installs exactly requirements/app.txt and checks every file against its hash.
# Safe to run again (after a `git pull`, for instance): it changes only what is missing or out of date and keeps an
# existing /etc/screener/kiosk.toml.
set -euo pipefail
umask 022 # the venv and the unit must be readable by the kiosk user, whatever root's umask is

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KIOSK_USER=screener-kiosk
KIOSK_HOME=/var/lib/screener-kiosk
VENV=/opt/screener/venv
CONFIG=/etc/screener/kiosk.toml
UNIT=screener-kiosk.service
CUPSD_CONF=/etc/cups/cupsd.conf
LOCK=requirements/app.txt

say() { printf '==> %s\n' "$*"; }
fail() {
    printf 'install-kiosk: %s\n' "$*" >&2
    exit 1
}

systemd_running() { [ -d /run/systemd/system ]; }

# Package names from a list file: one a line, # starts a comment.
packages_in() { sed -e 's/#.*//' -e 's/[[:space:]]//g' "$1" | grep -v '^$'; }

# Installs the lock (exact versions, every file checked against its hash), then the screener itself without
# dependencies and built with the locked setuptools. With a wheelhouse folder, nothing is fetched from anywhere.
install_locked() {
    local venv=$1 lock=$2 source=$3 wheelhouse=${4:-}
    local -a pip=("$venv/bin/python" -m pip install --disable-pip-version-check --no-cache-dir --quiet)
    if [ -n "$wheelhouse" ]; then
        pip+=(--no-index --find-links "$wheelhouse")
    fi
    "${pip[@]}" --require-hashes -r "$lock" || return 1
    "${pip[@]}" --no-deps --no-build-isolation --upgrade "$source"
}

# The Debian packages of a list that are not installed yet, one a line.
missing_packages() {
    local package
    for package in "$@"; do
        dpkg-query -W -f='${db:Status-Status}\n' "$package" 2>/dev/null | grep -qx installed || echo "$package"
    done
}

# Sets "Directive Value" in a config file (replacing the directive's active lines); false when it already was so.
set_directive() {
    local file=$1 directive=$2 value=$3
    local active="^[[:space:]]*${directive}[[:space:]]"
    if [ "$(grep -Ec "$active" "$file")" -eq 1 ] \
        && grep -Eq "^[[:space:]]*${directive}[[:space:]]+${value}[[:space:]]*$" "$file"; then
        return 1
    fi
    sed -i -E "/${active}/d" "$file"
    printf '%s %s\n' "$directive" "$value" >>"$file"
}

usage() {
    printf 'usage: deploy/install-kiosk.sh [--wheelhouse DIR]\n' >&2
    exit 2
}

main() {
    local wheelhouse=""
    while [ $# -gt 0 ]; do
        case "$1" in
            --wheelhouse)
                [ $# -ge 2 ] || usage
                wheelhouse="$(cd "$2" 2>/dev/null && pwd)" || fail "--wheelhouse $2: no such folder"
                shift 2
                ;;
            *) usage ;;
        esac
    done
    [ "$(id -u)" -eq 0 ] || fail "run as root (su - or sudo -i first)"
    [ -r /etc/debian_version ] || fail "this script is for Debian 12 (no /etc/debian_version here)"
    case "$(cat /etc/debian_version)" in
        12.* | bookworm*) ;;
        *) say "warning: made for Debian 12, this is Debian $(cat /etc/debian_version); carrying on" ;;
    esac
    for file in pyproject.toml "$LOCK" tools/apt-app.txt deploy/apt-kiosk.txt deploy/screener-kiosk.service \
        deploy/screener-kiosk.pam deploy/kiosk-starter.toml; do
        [ -r "$REPO/$file" ] || fail "$REPO/$file is missing: run this script from a complete checkout"
    done

    mapfile -t packages < <(packages_in "$REPO/tools/apt-app.txt"; packages_in "$REPO/deploy/apt-kiosk.txt")
    if [ -n "$wheelhouse" ]; then
        mapfile -t missing < <(missing_packages "${packages[@]}")
        [ "${#missing[@]}" -eq 0 ] || fail "offline install, but these Debian packages are not installed yet: ${missing[*]} (install them from the clinic's Debian mirror or media first)"
        say "Debian packages (tools/apt-app.txt and deploy/apt-kiosk.txt) are all installed"
    else
        say "Installing Debian packages (tools/apt-app.txt and deploy/apt-kiosk.txt)"
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages[@]}"
    fi

    if id -u "$KIOSK_USER" >/dev/null 2>&1; then
        say "User $KIOSK_USER exists"
    else
        say "Creating the system user $KIOSK_USER (no password, no login shell)"
        useradd --system --user-group --home-dir "$KIOSK_HOME" --no-create-home --shell /usr/sbin/nologin \
            --comment "Magnesium self-check kiosk" "$KIOSK_USER"
    fi
    install -d -o "$KIOSK_USER" -g "$KIOSK_USER" -m 0700 "$KIOSK_HOME"

    if [ ! -x "$VENV/bin/python" ]; then
        say "Creating $VENV with Debian's /usr/bin/python3"
        install -d -m 0755 "$(dirname "$VENV")"
        /usr/bin/python3 -m venv "$VENV"
    fi
    if [ -n "$wheelhouse" ]; then
        say "Installing the screener from $REPO into $VENV: $LOCK from $wheelhouse, no network"
    else
        say "Installing the screener from $REPO into $VENV: $LOCK from the package index"
    fi
    build="$(mktemp -d)"
    trap 'rm -rf "$build"' EXIT
    # A copy, so the build leaves nothing behind in the checkout.
    tar -C "$REPO" --exclude=./.git --exclude=./.venv --exclude=./build -cf - . | tar -C "$build" -xf -
    install_locked "$VENV" "$REPO/$LOCK" "$build" "$wheelhouse" \
        || fail "pip could not install $LOCK (a hash that does not match means a changed or damaged file: nothing was trusted)"
    runuser -u "$KIOSK_USER" -- "$VENV/bin/python" -I -c 'import PySide6.QtWidgets, ui.app' \
        || fail "$KIOSK_USER cannot load the screener from $VENV (permissions under $VENV, or a missing library)"

    install -d -m 0755 /etc/screener
    if [ -e "$CONFIG" ]; then
        say "Keeping $CONFIG"
    else
        say "Writing a starter $CONFIG (the staff PIN is still to be added)"
        install -m 0640 -o root -g "$KIOSK_USER" "$REPO/deploy/kiosk-starter.toml" "$CONFIG"
    fi
    chown root:"$KIOSK_USER" "$CONFIG"
    chmod 0640 "$CONFIG"

    say "Installing /etc/pam.d/screener-kiosk and /etc/systemd/system/$UNIT"
    install -m 0644 "$REPO/deploy/screener-kiosk.pam" /etc/pam.d/screener-kiosk
    install -m 0644 "$REPO/deploy/screener-kiosk.service" "/etc/systemd/system/$UNIT"

    if [ -f "$CUPSD_CONF" ]; then
        changed=no
        # Job files are the printed summaries themselves; the history names who printed when. Keep neither.
        set_directive "$CUPSD_CONF" PreserveJobFiles No && changed=yes
        set_directive "$CUPSD_CONF" PreserveJobHistory No && changed=yes
        if [ "$changed" = yes ]; then
            say "CUPS: set PreserveJobFiles No and PreserveJobHistory No in $CUPSD_CONF"
            if systemd_running && systemctl is-active --quiet cups; then systemctl restart cups; fi
        else
            say "CUPS: $CUPSD_CONF already keeps no job files or history"
        fi
    else
        say "warning: $CUPSD_CONF not found; CUPS keeps printed summaries unless PreserveJobFiles No is set there"
    fi

    if systemd_running; then
        systemctl daemon-reload
    fi
    systemctl enable --quiet "$UNIT"
    say "$UNIT is enabled: the kiosk starts on tty1 at boot"

    if runuser -u "$KIOSK_USER" -- "$VENV/bin/screener" check-config "$CONFIG" >/dev/null 2>&1; then
        if systemd_running && systemctl is-active --quiet "$UNIT"; then
            systemctl restart "$UNIT"
            say "Restarted the running kiosk with this version"
        fi
        say "Done. Start the kiosk now with: systemctl start $UNIT (or reboot)"
    else
        say "Done, but $CONFIG is not ready yet:"
        runuser -u "$KIOSK_USER" -- "$VENV/bin/screener" check-config "$CONFIG" || true
        say "Add the staff PIN:  $VENV/bin/screener hash-pin >> $CONFIG"
        say "then check it:      runuser -u $KIOSK_USER -- $VENV/bin/screener check-config $CONFIG"
        say "and start:          systemctl start $UNIT (or reboot)"
    fi
}

# Sourcing the script (tests do) only defines the functions.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    main "$@"
fi
