"""Fuzz cases of plan packages in JSON ("kscdesk.plan/1"): bytes, nesting and wrong types.

Registered like the .docx/.xlsx kinds to show how another kind joins the corpus.
"""

import json
import random
from pathlib import Path
from typing import Any

from helpers import hostile_files as hf

from fuzz.zip_mutations import flip_bytes, truncate
from kscdesk.formats.plan_json import content_to_json
from kscdesk.formats.plan_reader import read_plan

ODD_VALUES: tuple[Any, ...] = (None, -1, 1e308, "x" * 10_000, [], {}, True, "2024-13-45", "\x00")


def bases(folder: Path) -> list[bytes]:
    content = read_plan(hf.plan_docx(folder / "json-base.docx", hf.plan_rows(12)))
    return [json.dumps(content_to_json(content), ensure_ascii=False).encode()]


def deep_nesting(rng: random.Random, base: bytes) -> bytes:
    depth = rng.choice((100, 5_000, 200_000))
    return b'{"schema": "kscdesk.plan/1", "tasks": ' + b"[" * depth + b"]" * depth + b"}"


def _swap(rng: random.Random, node: Any) -> Any:
    if isinstance(node, dict) and node:
        key = rng.choice(list(node))
        node[key] = rng.choice(ODD_VALUES) if rng.random() < 0.4 else _swap(rng, node[key])
    elif isinstance(node, list) and node:
        index = rng.randrange(len(node))
        node[index] = rng.choice(ODD_VALUES) if rng.random() < 0.4 else _swap(rng, node[index])
    return node


def wrong_types(rng: random.Random, base: bytes) -> bytes:
    data = json.loads(base)
    for _ in range(rng.randint(1, 5)):
        data = _swap(rng, data)
    return json.dumps(data, ensure_ascii=False).encode()


CASES = {
    "truncate": (truncate, 6),
    "flip-bytes": (flip_bytes, 6),
    "deep-nesting": (deep_nesting, 3),
    "wrong-types": (wrong_types, 15),
}
