"""Reads casegraph's GEXF and GraphML with networkx and checks them against the case they
were written from: the same nodes and links, and each one's kind, label, status, dates,
amount, position (y up) and colour.

Usage: python3 networkx_check.py CASE.case.json FIGURE.gexf FIGURE.graphml
"""

import json
import sys

import networkx


def expected_nodes(case):
    positions = case["layout"]["positions"]
    for node in case["nodes"]:
        amount = node.get("amount", {})
        facts = {
            "label": node["label"],
            "kind": node["kind"],
            "status": node.get("status"),
            "start_date": node.get("start_date"),
            "end_date": node.get("end_date"),
            "date": node.get("date"),
            "amount": float(amount["value"]) if amount else None,
            "currency": amount.get("currency"),
        }
        position = positions.get(node["id"])
        yield node["id"], facts, (position["x"], -position["y"]) if position else None


def check(path, graph, case):
    problems = []
    if graph.number_of_nodes() != len(case["nodes"]):
        problems.append(f"{graph.number_of_nodes()} nodes, the case has {len(case['nodes'])}")
    if graph.number_of_edges() != len(case["links"]):
        problems.append(f"{graph.number_of_edges()} edges, the case has {len(case['links'])}")
    for node_id, facts, saved in expected_nodes(case):
        data = graph.nodes[node_id]
        read = {name: data.get(name) for name in facts}
        if read != facts:
            problems.append(f"node {node_id}: read {read}, expected {facts}")
        viz = data.get("viz", {})
        position = viz.get("position", data)
        at = (position.get("x"), position.get("y"))
        # A node without a saved position is laid out from the case's seed when exported.
        if None in at or (saved is not None and at != saved):
            problems.append(f"node {node_id}: at {at}, expected {saved or 'a position'}")
        colour = viz.get("color", data)
        if not all(isinstance(colour.get(channel), int) for channel in "rgb"):
            problems.append(f"node {node_id}: no colour")
    # A graph with parallel edges is read as a multigraph, which keeps each edge's id as its key.
    if graph.is_multigraph():
        edges = {data.get("id", key): (source, target, data) for source, target, key, data in graph.edges(keys=True, data=True)}
    else:
        edges = {data["id"]: (source, target, data) for source, target, data in graph.edges(data=True)}
    for link in case["links"]:
        source, target, data = edges.get(link["id"], (None, None, {}))
        read = (source, target, data.get("kind"), data.get("status"), data.get("date"), data.get("role"))
        wanted = (link["source"], link["target"], link["kind"], link.get("status"), link.get("date"), link.get("role"))
        if read != wanted:
            problems.append(f"link {link['id']}: read {read}, expected {wanted}")
    print(f"networkx {networkx.__version__} reads {path}: {graph.number_of_nodes()} nodes, "
          f"{graph.number_of_edges()} edges, {len(problems)} problems")
    for problem in problems[:20]:
        print("  " + problem)
    return problems


def main(case_path, gexf_path, graphml_path):
    with open(case_path, encoding="utf-8") as file:
        case = json.load(file)
    problems = check(gexf_path, networkx.read_gexf(gexf_path), case)
    problems += check(graphml_path, networkx.read_graphml(graphml_path), case)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
