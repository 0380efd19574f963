"""`screener schema` and the loader agree: what JSON Schema (the `jsonschema` package) accepts the loader accepts,
and what it rejects the loader rejects, on instances generated from the published schema and on mutations of them.

The instances come from a small generator that reads the schema itself (hypothesis-jsonschema 0.23 no longer runs
with current Hypothesis: it calls a private API that was removed), so the test does not share the loader's idea of
what is valid."""

from __future__ import annotations

import json
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screener.answers import Answers
from screener.errors import InputError
from screener.loading import parse_answers

SCHEMA: dict[str, Any] = Answers.model_json_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
FIELDS = sorted(SCHEMA["properties"])


def from_schema(node: dict[str, Any], root: dict[str, Any] | None = None) -> st.SearchStrategy[Any]:
    """Instances of one schema node, for the keywords `screener schema` uses; anything else fails loudly."""
    root = root or node
    if "$ref" in node:
        return from_schema(root["$defs"][node["$ref"].removeprefix("#/$defs/")], root)
    if "anyOf" in node:
        options = [{**option, **({"uniqueItems": True} if node.get("uniqueItems") else {})} for option in node["anyOf"]]
        return st.one_of([from_schema(option, root) for option in options])
    kind = node["type"]
    if "enum" in node:
        return st.sampled_from(node["enum"])
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    low, high = node.get("minimum", -(10**6)), node.get("maximum", 10**6)  # unbounded: any number is valid
    if kind == "integer":
        whole = st.integers(low, high)
        return whole | whole.map(float)  # 30.0 is an integer to JSON Schema
    if kind == "number":
        return st.floats(low, high, allow_nan=False) | st.integers(int(low), int(high))
    if kind == "array":
        return st.lists(from_schema(node["items"], root), unique=bool(node.get("uniqueItems")), max_size=6)
    if kind == "object":
        properties = {name: from_schema(sub, root) for name, sub in node["properties"].items()}
        required = set(node.get("required", []))
        return st.fixed_dictionaries(
            {name: properties[name] for name in required},
            optional={name: strategy for name, strategy in properties.items() if name not in required},
        )
    raise AssertionError(f"the test's generator does not know {node}")


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from([0, 1, 7, 30.0, 1e1, 2.5, -1, 121, "diuretic", "supplement", "female", "none", ""])
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=8,
)


def loader_accepts(instance: Any) -> bool:
    try:
        parse_answers(json.dumps(instance))
    except InputError:
        return False
    return True


@settings(max_examples=300)
@given(from_schema(SCHEMA))
def test_every_instance_the_schema_allows_loads(instance: dict[str, Any]) -> None:
    """Generated from the schema, so valid by construction: the loader must take it."""
    assert VALIDATOR.is_valid(instance)
    assert loader_accepts(instance), instance


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(
    from_schema(SCHEMA),
    st.sampled_from([*FIELDS, "shoe_size"]),
    json_values,
    st.sampled_from(["servings_per_week", "caffeine_servings_per_day", None]),
)
def test_schema_and_loader_give_the_same_verdict_on_mutated_answers(
    instance: dict[str, Any], field: str, value: Any, nested: str | None
) -> None:
    """One field of a valid instance replaced by any JSON value (or a food/drink inside it): same verdict."""
    mutated = dict(instance)
    if nested is not None and isinstance(mutated.get(nested), dict):
        mutated[nested] = {**mutated[nested], field: value}
    else:
        mutated[field] = value
    assert VALIDATOR.is_valid(mutated) == loader_accepts(mutated), mutated


@pytest.mark.parametrize(
    ("fields", "valid"),
    [
        ({"age_years": 30.0}, True),  # a whole-number float is an integer in JSON Schema and for the loader
        ({"age_years": 1e1}, True),
        ({"age_years": 30.5}, False),
        ({"age_years": True}, False),  # true is not a number in either
        ({"age_years": 40, "stress_frequency": 2.0}, True),
        ({"age_years": 40, "servings_per_week": {"nuts": 3.0}}, True),
        ({"age_years": 40, "medicines": ["diuretic", "diuretic"]}, False),  # uniqueItems
        ({"age_years": 40, "magnesium_products": ["antacid", "antacid"]}, False),
        ({"age_years": 40, "medicines": ["diuretic", "antibiotic"]}, True),
    ],
)
def test_the_edges_the_issue_named(fields: dict[str, Any], valid: bool) -> None:
    """Whole-number floats and repeated list items: schema and loader both say the same, as written here."""
    assert VALIDATOR.is_valid(fields) is valid
    assert loader_accepts(fields) is valid


def test_the_schema_says_lists_may_not_repeat() -> None:
    """uniqueItems is in the published schema for both lists, so other tools reject repeats too."""
    for name in ("medicines", "magnesium_products"):
        assert SCHEMA["properties"][name].get("uniqueItems") is True


def test_every_bound_is_a_json_schema_keyword() -> None:
    """Pydantic once published optional whole-number bounds as "ge"/"le", which JSON Schema ignores."""
    text = json.dumps(SCHEMA)
    assert '"ge"' not in text and '"le"' not in text
    assert SCHEMA["properties"]["stress_frequency"]["anyOf"][0]["maximum"] == 4
