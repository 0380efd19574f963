"""The FHIR export as a clinic's form renderer meets it: LHC-Forms (the NLM's renderer, npm ``lforms``) in headless
Chromium (Debian ``chromium``). The exported Questionnaire is rendered, filled with the example answers (merged in
through LHC-Forms' own API), exported again as a QuestionnaireResponse by LHC-Forms, and read back through the app's
reader to the same score; the read-only result group is not shown to the person filling the form.

LHC-Forms is taken from the npm registry as its published tarball, checked against the registry's SHA-512
integrity (the lock for it), and unpacked into the test's temporary folder: nothing is installed."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import shutil
import subprocess
import tarfile
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from screener.answers import Answers
from screener.fhir import questionnaire, response
from screener.fhir_reading import answers_from_response
from screener.i18n import _, set_language
from screener.scoring import score
from tests.screener.helpers import EXAMPLES

LFORMS_VERSION = "40.1.3"
LFORMS_TARBALL = f"https://registry.npmjs.org/lforms/-/lforms-{LFORMS_VERSION}.tgz"
LFORMS_INTEGRITY = "sha512-WLruTm+BcVnafC0rSAQ3/cNqhxvclBUxyBG68aub/uha2NaK9H8ZZcEXTTuORuGzzCt0wa7fvhuieZtcDIdPzQ=="
CHROMIUM = "chromium"
RENDER_BUDGET_MS = 30_000  # Chromium's virtual time for the page: a guard, the page is done in about a second
SCRIPTS = (
    "webcomponent/assets/lib/zone.min.js",
    "webcomponent/runtime.js",
    "webcomponent/polyfills.js",
    "webcomponent/main.js",
    "fhir/R4/lformsFHIR.min.js",
)

# The page: load LHC-Forms after the body exists (it appends to it), wait for its API, render the Questionnaire with
# the response merged in, give it a moment to settle, and write what LHC-Forms exports into <pre id="out">.
PAGE = """<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="dist/lforms/webcomponent/styles.css"></head>
<body><div id="form"></div><pre id="out">PENDING</pre>
{scripts}
<script>
const Q = {questionnaire};
const QR = {response};
window.addEventListener('load', async () => {{
  const out = document.getElementById('out');
  for (let i = 0; i < 200 && !(window.LForms && LForms.Util && LForms.Util.mergeFHIRDataIntoLForms); i++)
    await new Promise(r => setTimeout(r, 50));
  try {{
    const form = LForms.Util.convertFHIRQuestionnaireToLForms(Q, 'R4');
    const filled = LForms.Util.mergeFHIRDataIntoLForms('QuestionnaireResponse', QR, form, 'R4');
    await LForms.Util.addFormToPage(filled, 'form');
    await new Promise(r => setTimeout(r, 1500));
    const back = LForms.Util.getFormFHIRData('QuestionnaireResponse', 'R4', document.getElementById('form'));
    out.textContent = 'RESULT' + JSON.stringify(back);
  }} catch (e) {{ out.textContent = 'ERROR ' + e + ' ' + (e.stack || ''); }}
}});
</script></body></html>"""


@pytest.fixture(scope="module")
def lforms(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    assert shutil.which(CHROMIUM), "the LHC-Forms test needs Debian's chromium (tools/apt-test.txt)"
    folder = tmp_path_factory.mktemp("lforms")
    with urllib.request.urlopen(LFORMS_TARBALL, timeout=120) as got:
        data = got.read()
    algorithm, _sep, expected = LFORMS_INTEGRITY.partition("-")
    assert base64.b64encode(hashlib.new(algorithm, data).digest()).decode() == expected, "lforms tarball changed"
    archive = folder / "lforms.tgz"
    archive.write_bytes(data)
    with tarfile.open(archive) as tar:  # Debian 12's Python 3.11.2 has no extraction filter: checked by hand
        members = [m for m in tar.getmembers() if m.isfile() or m.isdir()]
        assert all(m.name.startswith("package/") and ".." not in Path(m.name).parts for m in members)
        tar.extractall(folder, members=members)
    yield folder / "package"


def render(lforms: Path, questionnaire_json: dict, response_json: dict, name: str) -> tuple[dict, str]:
    """LHC-Forms' own QuestionnaireResponse for the form filled with ``response_json``, and the form's text."""
    scripts = "\n".join(f'<script src="dist/lforms/{path}"></script>' for path in SCRIPTS)
    page = lforms / f"{name}.html"
    page.write_text(
        PAGE.format(
            scripts=scripts,
            questionnaire=json.dumps(questionnaire_json, ensure_ascii=False),
            response=json.dumps(response_json, ensure_ascii=False),
        ),
        encoding="utf-8",
    )
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
            "--disable-gpu",
            "--allow-file-access-from-files",
            f"--virtual-time-budget={RENDER_BUDGET_MS}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    dom = done.stdout
    found = re.search(r'<pre id="out">(.*?)</pre>', dom, re.DOTALL)
    assert found, f"Chromium gave no page (exit {done.returncode}): {done.stderr[-800:]}"
    out = html.unescape(found.group(1))
    assert out.startswith("RESULT"), f"LHC-Forms failed: {out[:600]}"
    form = dom[dom.index('<div id="form">') : dom.index('<pre id="out">')]
    return json.loads(out[len("RESULT") :]), html.unescape(re.sub(r"<[^>]+>", " ", form))


@pytest.mark.parametrize("example", ["typical", "worst-case"])
@pytest.mark.parametrize("language", ["en", "ja"])
def test_lhc_forms_renders_fills_and_exports_a_response_that_scores_the_same(
    lforms: Path, example: str, language: str
) -> None:
    set_language(language)
    given = Answers.model_validate(json.loads((EXAMPLES / f"{example}.json").read_text(encoding="utf-8")))
    result = score(given, region="us")
    exported, shown = render(lforms, questionnaire(language), response(given, result), f"{example}-{language}")
    assert exported["resourceType"] == "QuestionnaireResponse"
    back, warnings = answers_from_response(exported)
    assert warnings == []
    assert score(back, region="us") == result, "LHC-Forms' response scores differently"
    for asked in ("age_years", "sex", "kidney_disease", "medicines"):
        assert getattr(back, asked) == getattr(given, asked), f"{asked} changed on the way through LHC-Forms"
    # The result is for the clinic: the person filling the form is not shown its empty read-only boxes.
    assert _("How old are you?") in shown
    for hidden in (_("Clinician flags"), _("Notes for the clinician"), _("Reference intakes")):
        assert hidden not in shown, f"{hidden!r} is shown to the person filling the form"
