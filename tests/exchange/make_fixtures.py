"""Writes the exchange fixtures with the followthemoney library itself, so the importers are
tested on what FtM's own code produces:

- written-by-followthemoney.ftm: an entity stream as `ftm` tools and OpenSanctions write it,
  with schemata and properties casegraph does not import, and one line that is not an entity;
- aleph-diagram.vis: an Aleph network diagram of the same entities, in the layout Aleph's
  diagram export uses (entities, vertices with grid positions, edges, viewport);
- written-by-networkx.gexf and .graphml: a small graph as networkx writes it, with the
  attributes analysts' graphs carry (a type, a community, a weight) and, in GEXF, positions.

Run from the repository root: python3 tests/exchange/make_fixtures.py
"""

import json

import networkx

from followthemoney import model

OUT = "tests/fixtures/exchange/"


def make(schema, entity_id, **properties):
    entity = model.make_entity(schema)
    entity.id = entity_id
    for name, values in properties.items():
        for value in values if isinstance(values, list) else [values]:
            entity.add(name, value)
    return entity


def entities():
    return [
        make("Person", "NK-kim-su-il", name="Kim Su Il", alias="Kim Su-il", nationality="kp",
             birthDate="1968", birthPlace="Pyongyang", topics="sanction"),
        make("Company", "NK-ardis", name="Ardis-Bearings LLC", jurisdiction="ru",
             incorporationDate="2009-04-02", registrationNumber="1097746193245"),
        make("PublicBody", "NK-embassy", name="Embassy of the DPRK in Moscow", classification="Embassy",
             country="ru", mainCountry="kp"),
        make("PublicBody", "NK-ofac", name="Office of Foreign Assets Control", country="us"),
        make("Organization", "NK-korea-sobaeksu", name="Korea Sobaeksu Trading Company", country="kp"),
        make("Vessel", "NK-vessel", name="Chon Ma San", flag="kp"),
        make("Address", "NK-address", full="Mosfilmovskaya 72, Moscow"),
        make("Ownership", "NK-own-1", owner="NK-kim-su-il", asset="NK-ardis", startDate="2011-05", percentage="51"),
        make("Employment", "NK-emp-1", employee="NK-kim-su-il", employer="NK-embassy", role="trade representative",
             startDate="2016"),
        make("Sanction", "NK-sanction-1", entity="NK-ardis", authority="Office of Foreign Assets Control",
             authorityId="NK-ofac", program="North Korea Sanctions", startDate="2017-06-01"),
        make("Payment", "NK-pay-1", payer="NK-ardis", beneficiary="NK-korea-sobaeksu", amount="671000",
             currency="USD", date="2017-02-14", purpose="Bearings for the embassy"),
        make("Family", "NK-fam-1", person="NK-kim-su-il", relative="NK-nobody", relationship="brother"),
        make("Article", "NK-article", title="Kim Jong Un's art of the deal", publisher="Reuters",
             publishedAt="2018-06-06", author="Polina Nikolskaya", sourceUrl="https://www.reuters.com/investigates/"),
        make("Documentation", "NK-doc-1", document="NK-article", entity=["NK-ardis", "NK-own-1"], role="quote",
             summary="Ardis-Bearings is owned by Kim Su Il."),
        make("Documentation", "NK-doc-2", document="NK-article", entity="NK-embassy"),
    ]


def main():
    stream = entities()
    with open(OUT + "written-by-followthemoney.ftm", "w", encoding="utf-8") as out:
        for entity in stream:
            out.write(json.dumps(entity.to_dict(), sort_keys=True, ensure_ascii=False) + "\n")
        out.write("this line is not an entity\n")
    things = [entity for entity in stream if not entity.schema.edge and entity.schema.name in
              ("Person", "Company", "PublicBody", "Organization")]
    vertices = [
        {"id": f"entity:{entity.id}", "type": "entity", "label": entity.caption, "fixed": index % 2 == 0,
         "hidden": False, "color": "#106BA3", "position": {"x": index * 9, "y": -index * 4},
         "entityId": entity.id}
        for index, entity in enumerate(things)
    ]
    vertices.append({"id": "country:kp", "type": "country", "label": "kp", "fixed": False, "hidden": False,
                     "color": "GRAY", "position": {"x": 2, "y": 2}})
    edges = [
        {"id": f"{entity.id}(entity:{entity.first(entity.schema.edge_source)}, entity:{entity.first(entity.schema.edge_target)})",
         "type": "entity", "label": entity.schema.label, "sourceId": f"entity:{entity.first(entity.schema.edge_source)}",
         "targetId": f"entity:{entity.first(entity.schema.edge_target)}", "entityId": entity.id, "directed": True}
        for entity in stream if entity.schema.edge and entity.schema.name in ("Ownership", "Employment")
    ]
    diagram = {
        "entities": [entity.to_dict() for entity in stream if entity.schema.name not in ("Vessel", "Address")],
        "layout": {"vertices": vertices, "edges": edges, "groupings": [], "selection": []},
        "viewport": {"zoomLevel": 0.6, "ratio": 0.7, "center": {"x": 10, "y": -5}},
    }
    with open(OUT + "aleph-diagram.vis", "w", encoding="utf-8") as out:
        json.dump(diagram, out, indent=2, sort_keys=True, ensure_ascii=False)
        out.write("\n")
    graph = networkx_graph()
    networkx.write_gexf(graph, OUT + "written-by-networkx.gexf", version="1.2draft")
    for _, data in graph.nodes(data=True):
        data.pop("viz", None)
    networkx.write_graphml(graph, OUT + "written-by-networkx.graphml")


def networkx_graph():
    graph = networkx.MultiDiGraph()
    graph.add_node("kim", label="Kim Su Il", type="Person", community=1, countries="kp",
                   viz={"position": {"x": 10.0, "y": 20.0, "z": 0.0}})
    graph.add_node("ardis", label="Ardis-Bearings LLC", type="company", community=1, start_date="2009-04-02",
                   viz={"position": {"x": -30.5, "y": 0.0, "z": 0.0}})
    graph.add_node("pay", label="Bearings payment", type="transaction", amount=671000.0, currency="USD",
                   viz={"position": {"x": 0.0, "y": -40.0, "z": 0.0}})
    graph.add_node("unlabelled", community=2)
    graph.add_edge("kim", "ardis", id="e1", type="Ownership", weight=2.0, start_date="2011-05")
    graph.add_edge("kim", "ardis", id="e2", label="old friends")
    graph.add_edge("ardis", "pay", id="e3", type="payer")
    graph.add_edge("kim", "nowhere", id="e4", type="associate")
    return graph


if __name__ == "__main__":
    main()
