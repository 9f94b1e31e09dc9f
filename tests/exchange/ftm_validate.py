"""Checks an FtM entity stream written by casegraph with the official validator.

`ftm validate` re-reads every entity and drops the values it cannot accept without failing, so
this script runs it and then requires that its output holds every value of the input: nothing
was cleaned away. It also requires that every entity reference names an entity in the stream.

Usage: python3 ftm_validate.py STREAM.ftm
"""

import json
import subprocess
import sys
import tempfile

from followthemoney import model


def entities(path):
    with open(path, encoding="utf-8") as lines:
        return {entity["id"]: entity for entity in map(json.loads, filter(str.strip, lines))}


def main(path):
    with tempfile.NamedTemporaryFile(suffix=".ftm") as validated:
        subprocess.run(["ftm", "validate", "-i", path, "-o", validated.name], check=True)
        written, read_back = entities(path), entities(validated.name)
    problems = []
    if written.keys() != read_back.keys():
        problems.append(f"entities lost by the validator: {sorted(written.keys() - read_back.keys())}")
    for entity_id, entity in written.items():
        schema = model.get(entity["schema"])
        back = read_back.get(entity_id, {}).get("properties", {})
        for name, values in entity["properties"].items():
            if sorted(back.get(name, [])) != sorted(values):
                problems.append(f"{entity_id}.{name}: wrote {values}, the validator kept {back.get(name, [])}")
            prop = schema.get(name)
            if prop is not None and prop.type.name == "entity":
                problems.extend(f"{entity_id}.{name} names {value}, which is not in the stream" for value in values if value not in written)
    schemata = sorted({entity["schema"] for entity in written.values()})
    print(f"ftm validate: {len(written)} entities ({', '.join(schemata)}), {len(problems)} problems")
    for problem in problems[:20]:
        print("  " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
