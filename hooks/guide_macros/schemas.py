"""Write the JSON Schema of every data kind into schemas/, for editor autocompletion of the YAML files.

Run from hooks/: `../.venv/bin/python -m guide_macros.schemas` (a test fails when a file is stale).
To publish a new kind, add its top model to SCHEMAS.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from . import helplines, quiz_models, worksheet_models

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS: dict[str, type[BaseModel]] = {
    "worksheet": worksheet_models.Worksheet,
    "quiz": quiz_models.Quiz,
    "helplines": helplines.Helplines,
}


def schema_text(model: type[BaseModel]) -> str:
    """The schema as the committed file holds it (stable key order, trailing newline)."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema_path(kind: str) -> Path:
    return ROOT / "schemas" / f"{kind}.schema.json"


def main() -> int:
    for kind, model in SCHEMAS.items():
        path = schema_path(kind)
        path.parent.mkdir(exist_ok=True)
        path.write_text(schema_text(model), encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
