"""The result in FHIR: a read-only group at the end of the Questionnaire, filled in by each QuestionnaireResponse.

It carries what the self-check worked out from the answers, for the clinic's record: the reference intakes used,
each group's level, evidence strength and reasons (worded), the clinician flags and notes, and the safety questions
that were not answered. Reading a response back ignores it: the answers are scored again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any, get_args

from screener.fhir_items import ANSWER_SYSTEM_BASE
from screener.i18n import N_, _
from screener.ids import FLAG_IDS, GROUP_IDS, LEVELS, REGIONS, EvidenceStrength
from screener.questionnaire import Question
from screener.questions import question, screens
from screener.wording import clinician_reason_text, flag_title, group_title, level_label, reason_text, strength_label

if TYPE_CHECKING:
    from screener.result import Result

Json = dict[str, Any]
Texts = Callable[[str, Callable[[], str]], Json]  # a text key and its wording, in every language

RESULT = "result"
REGION_LABELS = {"jp": N_("Japan 2025"), "us": N_("US RDA (IOM 1997)")}  # the reference intakes used


HIDDEN = "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden"


def _result_system(name: str) -> str:
    return f"{ANSWER_SYSTEM_BASE}result-{name}"


def _coded_options(texts: Texts, system: str, labels: Mapping[str, Callable[[], str]]) -> list[Json]:
    return [
        {"valueCoding": {"system": system, "code": code, **texts("display", make)}} for code, make in labels.items()
    ]


def _safety_questions() -> list[Question]:
    return [asked for screen in screens() for asked in screen.questions if asked.safety]


def result_item(texts: Texts) -> Json:
    """The read-only result: what the self-check worked out from the answers, filled in by each response."""
    groups = []
    for group in GROUP_IDS:
        groups.append(
            {
                "linkId": f"{RESULT}.{group}",
                **texts("text", partial(group_title, group)),
                "type": "group",
                "readOnly": True,
                "item": [
                    {
                        "linkId": f"{RESULT}.{group}.level",
                        **texts("text", lambda: _("Result")),
                        "type": "choice",
                        "readOnly": True,
                        "answerOption": _coded_options(
                            texts, _result_system("level"), {lv: partial(level_label, lv) for lv in LEVELS}
                        ),
                    },
                    {
                        "linkId": f"{RESULT}.{group}.evidence",
                        **texts("text", lambda: _("Evidence")),
                        "type": "choice",
                        "readOnly": True,
                        "answerOption": _coded_options(
                            texts,
                            _result_system("evidence"),
                            {s: partial(strength_label, s) for s in get_args(EvidenceStrength)},
                        ),
                    },
                    {
                        "linkId": f"{RESULT}.{group}.reasons",
                        **texts("text", lambda: _("Reasons")),
                        "type": "text",  # a reason is a sentence or two: a renderer's one-line box cut it
                        "repeats": True,
                        "readOnly": True,
                    },
                ],
            }
        )
    flags: dict[str, Callable[[], str]] = {flag: partial(flag_title, flag) for flag in FLAG_IDS}
    flags["none"] = lambda: _("No safety flag in the answers given")
    unanswered: dict[str, Callable[[], str]] = {q.field: partial(_, q.review_label) for q in _safety_questions()}
    return {
        "linkId": RESULT,
        **texts("text", lambda: _("Result")),
        "type": "group",
        "readOnly": True,
        # Filled in by the app for the clinic, never by the person: a form renderer does not show it to them.
        "extension": [{"url": HIDDEN, "valueBoolean": True}],
        "item": [
            {
                "linkId": f"{RESULT}.region",
                **texts("text", lambda: _("Reference intakes")),
                "type": "choice",
                "readOnly": True,
                "answerOption": _coded_options(
                    texts, _result_system("region"), {r: partial(_, REGION_LABELS[r]) for r in REGIONS}
                ),
            },
            *groups,
            {
                "linkId": f"{RESULT}.flags",
                **texts("text", lambda: _("Clinician flags")),
                "type": "choice",
                "repeats": True,
                "readOnly": True,
                "answerOption": _coded_options(texts, _result_system("flag"), flags),
            },
            {
                "linkId": f"{RESULT}.notes",
                **texts("text", lambda: _("Notes for the clinician")),
                "type": "text",
                "repeats": True,
                "readOnly": True,
            },
            {
                "linkId": f"{RESULT}.unanswered",
                **texts("text", lambda: _("Safety questions not answered")),
                "type": "choice",
                "repeats": True,
                "readOnly": True,
                "answerOption": _coded_options(texts, _result_system("unanswered"), unanswered),
            },
        ],
    }


def coding(system: str, code: str, display: str) -> Json:
    return {"valueCoding": {"system": system, "code": code, "display": display}}


def result_answers(result: Result) -> Json:
    items: list[Json] = [
        {
            "linkId": f"{RESULT}.region",
            "text": _("Reference intakes"),
            "answer": [
                coding(_result_system("region"), result.figures.region, _(REGION_LABELS[result.figures.region]))
            ],
        }
    ]
    for group in GROUP_IDS:
        outcome = result.groups[group]
        parts: list[Json] = [
            {
                "linkId": f"{RESULT}.{group}.level",
                "text": _("Result"),
                "answer": [coding(_result_system("level"), outcome.level, level_label(outcome.level))],
            },
            {
                "linkId": f"{RESULT}.{group}.evidence",
                "text": _("Evidence"),
                "answer": [
                    coding(
                        _result_system("evidence"), outcome.evidence.strength, strength_label(outcome.evidence.strength)
                    )
                ],
            },
        ]
        if outcome.reasons:
            parts.append(
                {
                    "linkId": f"{RESULT}.{group}.reasons",
                    "text": _("Reasons"),
                    "answer": [{"valueString": reason_text(r, outcome.level)} for r in outcome.reasons],
                }
            )
        items.append({"linkId": f"{RESULT}.{group}", "text": group_title(group), "item": parts})
    flags = result.clinician.flags
    items.append(
        {
            "linkId": f"{RESULT}.flags",
            "text": _("Clinician flags"),
            "answer": [coding(_result_system("flag"), flag, flag_title(flag)) for flag in flags]
            or [coding(_result_system("flag"), "none", _("No safety flag in the answers given"))],
        }
    )
    if result.clinician.reasons:
        items.append(
            {
                "linkId": f"{RESULT}.notes",
                "text": _("Notes for the clinician"),
                "answer": [{"valueString": clinician_reason_text(r)} for r in result.clinician.reasons],
            }
        )
    if result.clinician.unanswered:
        items.append(
            {
                "linkId": f"{RESULT}.unanswered",
                "text": _("Safety questions not answered"),
                "answer": [
                    coding(_result_system("unanswered"), field, _(question(field).review_label))
                    for field in result.clinician.unanswered
                ],
            }
        )
    return {"linkId": RESULT, "text": _("Result"), "item": items}
