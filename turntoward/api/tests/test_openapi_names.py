"""OpenAPI names schemas by class name: two bodies with one name would document the wrong one."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections import defaultdict

from ninja import Schema

import turntoward.api
from turntoward.api.api import api


def test_no_two_documented_schemas_share_a_name():
    components = set(api.get_openapi_schema()["components"]["schemas"])
    seen: dict[str, set[str]] = defaultdict(set)
    for info in pkgutil.iter_modules(turntoward.api.__path__):
        module = importlib.import_module(f"turntoward.api.{info.name}")
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Schema) and cls.__module__ == module.__name__:
                seen[name].add(cls.__module__)
    clashes = {n: m for n, m in seen.items() if len(m) > 1 and n in components}
    assert clashes == {}


def test_each_request_body_documents_the_fields_its_endpoint_reads():
    schema = api.get_openapi_schema()
    components = schema["components"]["schemas"]

    def body(path: str) -> set[str]:
        ref = schema["paths"][path]["post"]["requestBody"]["content"]["application/json"]
        return set(components[ref["schema"]["$ref"].rsplit("/", 1)[-1]]["properties"])

    assert body("/api/v1/bids/{bid_id}/repair") == {"note"}
    assert body("/api/v1/bids/{bid_id}/response") == {"response", "note"}
    assert body("/api/v1/activities/plans/{plan_id}/reflection") == {"feeling", "note"}
    assert "noticed" in body("/api/v1/reflections")
    assert "hurt" in body("/api/v1/repairs")
