#!/usr/bin/env python3
"""casegraph's layout beside graphviz sfdp and igraph's grid Fruchterman-Reingold, in one run.

For each size and seed, `casegraph generate` makes a case with no saved positions; then
casegraph (`casegraph layout --from-scratch`), sfdp and igraph
(`layout_fruchterman_reingold(grid="grid", niter=500)`) lay out the same graph, and every
layout is measured here the same way:

- time: casegraph's own wall time to rest (placement included), sfdp's whole process on a
  DOT file, igraph's layout call;
- stress against graph distances, with each layout scaled to a mean link length of 1, from
  the same 64 sources casegraph's `--report` uses (its figure is checked against ours);
- near-coincident pairs: nodes closer than a twentieth of the mean link length, where drawn
  nodes would overlap;
- link-length spread: the standard deviation of link lengths over their mean.

Usage: compare_layouts.py CASEGRAPH [--sizes 1000 10000] [--seeds 1 2 3] [--markdown FILE]
"""

import argparse
import json
import math
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import igraph

STRESS_SOURCES = 64
NEAR_COINCIDENT = 0.05


def linked_pairs(case):
    """Each linked pair of node indices once, self-links left out, as casegraph's layout pulls."""
    index = {node["id"]: i for i, node in enumerate(case["nodes"])}
    pairs = set()
    for link in case["links"]:
        a, b = index.get(link["source"]), index.get(link["target"])
        if a is not None and b is not None and a != b:
            pairs.add((min(a, b), max(a, b)))
    return sorted(pairs)


def measure(positions, pairs, graph):
    """Stress, near-coincident pairs and link-length spread, as the module docstring says."""
    lengths = [math.dist(positions[a], positions[b]) for a, b in pairs]
    mean = sum(lengths) / len(lengths)
    spread = statistics.pstdev(lengths) / mean
    scaled = [(x / mean, y / mean) for x, y in positions]
    count = len(scaled)
    step = max(count // STRESS_SOURCES, 1)
    sources = list(range(0, count, step))[:STRESS_SOURCES]
    total, terms = 0.0, 0
    for source, hops in zip(sources, graph.distances(source=sources)):
        sx, sy = scaled[source]
        for target, wanted in enumerate(hops):
            if target == source or not math.isfinite(wanted):
                continue
            page = math.hypot(sx - scaled[target][0], sy - scaled[target][1])
            total += ((page - wanted) / wanted) ** 2
            terms += 1
    cells = {}
    for node, (x, y) in enumerate(scaled):
        cells.setdefault((math.floor(x / NEAR_COINCIDENT), math.floor(y / NEAR_COINCIDENT)), []).append(node)
    near = 0
    for (cx, cy), members in cells.items():
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for other in cells.get((cx + dx, cy + dy), ()):
                    for node in members:
                        if other > node and math.dist(scaled[node], scaled[other]) < NEAR_COINCIDENT:
                            near += 1
    return {"stress": total / max(terms, 1), "near_coincident": near, "spread": spread}


def run_casegraph(casegraph, case_path, out_path):
    started = time.perf_counter()
    printed = subprocess.run(
        [casegraph, "layout", str(case_path), "--from-scratch", "--report", "-o", str(out_path)],
        check=True, capture_output=True, text=True,
    ).stdout
    wall = time.perf_counter() - started
    report = json.loads(printed.splitlines()[-1])
    laid = json.loads(out_path.read_text())
    positions = [(laid["layout"]["positions"][n["id"]]["x"], laid["layout"]["positions"][n["id"]]["y"]) for n in laid["nodes"]]
    return positions, report["wall_ms"] / 1e3, report, wall


def run_sfdp(count, pairs, directory):
    dot = directory / "graph.dot"
    with dot.open("w") as out:
        out.write("graph G {\n")
        out.writelines(f"{node};\n" for node in range(count))
        out.writelines(f"{a} -- {b};\n" for a, b in pairs)
        out.write("}\n")
    started = time.perf_counter()
    plain = subprocess.run(["sfdp", "-Tplain", str(dot)], check=True, capture_output=True, text=True).stdout
    seconds = time.perf_counter() - started
    positions = [None] * count
    for line in plain.splitlines():
        fields = line.split()
        if fields and fields[0] == "node":
            positions[int(fields[1])] = (float(fields[2]), float(fields[3]))
    return positions, seconds


def run_igraph(graph, seed):
    random.seed(seed)
    started = time.perf_counter()
    layout = graph.layout_fruchterman_reingold(grid="grid", niter=500)
    return [tuple(point) for point in layout.coords], time.perf_counter() - started


def compare(casegraph, size, seed, directory):
    case_path, laid_path = directory / "case.case.json", directory / "laid.case.json"
    subprocess.run(
        [casegraph, "generate", "--nodes", str(size), "--seed", str(seed), "-o", str(case_path)],
        check=True, capture_output=True,
    )
    case = json.loads(case_path.read_text())
    pairs = linked_pairs(case)
    graph = igraph.Graph(n=len(case["nodes"]), edges=pairs)
    rows = {}
    positions, seconds, report, _ = run_casegraph(casegraph, case_path, laid_path)
    rows["casegraph"] = {"seconds": seconds, **measure(positions, pairs, graph)}
    ours, theirs = report["stress"], rows["casegraph"]["stress"]
    if abs(ours - theirs) > 0.002 + 0.01 * theirs:
        sys.exit(f"casegraph reports stress {ours}, measured here {theirs:.4f}: the two definitions drifted apart")
    positions, seconds = run_igraph(graph, seed)
    rows["igraph FR grid"] = {"seconds": seconds, **measure(positions, pairs, graph)}
    positions, seconds = run_sfdp(len(case["nodes"]), pairs, directory)
    rows["sfdp"] = {"seconds": seconds, **measure(positions, pairs, graph)}
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("casegraph")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--markdown", type=Path, help="also write the summary table here")
    arguments = parser.parse_args()
    summary = ["| nodes | engine | time (s) | stress | near-coincident pairs | link-length spread |",
               "| ---: | --- | ---: | ---: | ---: | ---: |"]
    with tempfile.TemporaryDirectory() as temporary:
        for size in arguments.sizes:
            runs = []
            for seed in arguments.seeds:
                rows = compare(arguments.casegraph, size, seed, Path(temporary))
                runs.append(rows)
                for engine, row in rows.items():
                    print(json.dumps({"nodes": size, "seed": seed, "engine": engine, **{k: round(v, 4) for k, v in row.items()}}), flush=True)
            for engine in runs[0]:
                median = {key: statistics.median(run[engine][key] for run in runs) for key in runs[0][engine]}
                summary.append(
                    f"| {size:,} | {engine} | {median['seconds']:.2f} | {median['stress']:.3f} | "
                    f"{median['near_coincident']:.0f} | {median['spread']:.3f} |"
                )
    table = "\n".join(summary)
    print(f"\nMedians over seeds {', '.join(map(str, arguments.seeds))}:\n{table}")
    if arguments.markdown:
        arguments.markdown.write_text(table + "\n")


if __name__ == "__main__":
    main()
