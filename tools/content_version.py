"""Give the content a new version after a change to the questions, the reference table, the scoring or the wording.

    python tools/content_version.py           # new version (today's date, a letter for each change that day)
    python tools/content_version.py --check   # change nothing; exit 1 if the content changed without a new version

The version is printed on every summary and carried in every result, so a page can be traced to exactly the
numbers and sentences it was made from. tests/screener/test_content_version.py runs the check.
"""

from __future__ import annotations

import argparse
import re
import string
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RECORD = ROOT / "screener" / "data" / "content.toml"


def next_version(current: str, today: date) -> str:
    stem = today.isoformat()
    if current.startswith(stem) and current[len(stem) :] in string.ascii_lowercase:
        letter = current[len(stem) :] or "a"
        return stem + chr(ord(letter) + 1)
    return stem + "a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail if a new version is due")
    args = parser.parse_args(argv)
    from screener.content import fingerprint

    text = RECORD.read_text(encoding="utf-8")
    recorded = re.search(r'^fingerprint = "([^"]*)"', text, re.M)
    version = re.search(r'^version = "([^"]*)"', text, re.M)
    assert recorded and version, f"{RECORD} lacks a version or a fingerprint"
    now = fingerprint()
    if now == recorded.group(1):
        print(f"content version {version.group(1)} is current")
        return 0
    if args.check:
        print(
            f"the content changed since version {version.group(1)}: run python tools/content_version.py",
            file=sys.stderr,
        )
        return 1
    new = next_version(version.group(1), date.today())
    text = text.replace(version.group(0), f'version = "{new}"').replace(recorded.group(0), f'fingerprint = "{now}"')
    RECORD.write_text(text, encoding="utf-8")
    print(f"content version {new} (fingerprint {now})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
