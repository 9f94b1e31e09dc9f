//! Aleph's network diagrams: the FtM diagram JSON Aleph exports, and the older `.vis` files
//! that keep the entities inside `layout` and nest entities in their properties. The
//! entities are read as an FtM stream is; each vertex's position is kept, and pinned when
//! the diagram fixed it.

use serde::Deserialize;

use super::ImportError;
use super::builder::{CaseBuilder, Imported};
use super::ftm::{Entity, RawEntity, import_entities, nothing_read, with_nested};
use crate::model::{ExchangeFormat, Position};

/// World units per Aleph grid unit: Aleph stores positions in grid units of ten pixels.
pub const ALEPH_GRID_UNIT: f64 = 10.0;

#[derive(Deserialize)]
struct Diagram {
    #[serde(default)]
    entities: Option<Vec<serde_json::Value>>,
    #[serde(default)]
    layout: Option<Layout>,
}

#[derive(Deserialize)]
struct Layout {
    #[serde(default)]
    entities: Option<Vec<serde_json::Value>>,
    #[serde(default)]
    vertices: Vec<Vertex>,
    /// Groups the analyst drew around vertices; casegraph has no groups yet.
    #[serde(default)]
    groupings: Vec<serde_json::Value>,
}

#[derive(Deserialize)]
struct Vertex {
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(rename = "entityId", default)]
    entity_id: Option<String>,
    #[serde(default)]
    position: Option<VertexPosition>,
    #[serde(default)]
    fixed: bool,
}

#[derive(Deserialize)]
struct VertexPosition {
    x: f64,
    y: f64,
}

/// Reads an Aleph network diagram: its entities, and the place of each on the diagram.
pub fn read_aleph_diagram(bytes: &[u8], file: &str) -> Result<Imported, ImportError> {
    let diagram: Diagram = serde_json::from_slice(bytes).map_err(|error| ImportError::NotTheFormat {
        message: format!("{file}:{}:{}: {error}", error.line(), error.column()),
        help: "an Aleph diagram is one JSON object with `entities` and `layout.vertices`".to_owned(),
    })?;
    let mut builder = CaseBuilder::new(ExchangeFormat::AlephDiagram, file);
    let (top, layout) = (diagram.entities, diagram.layout);
    let (entities, field) = match (top, layout.as_ref().and_then(|layout| layout.entities.clone())) {
        (Some(entities), _) => (entities, "entities"),
        (None, Some(entities)) => (entities, "layout.entities"),
        (None, None) => {
            return Err(nothing_read(
                file,
                builder.report(),
                "an Aleph diagram lists its entities in `entities` (or `layout.entities` in older .vis files)",
            ));
        }
    };
    let (mut listed, mut nested) = (Vec::new(), Vec::new());
    for (index, value) in entities.into_iter().enumerate() {
        let place = format!("{field}[{index}]");
        match serde_json::from_value::<RawEntity>(value) {
            Ok(raw) => listed.push(Entity::from_raw(raw, place, &mut nested, builder.report())),
            Err(error) => builder.report().problem(&place, format!("not an FtM entity ({error}); it was skipped")),
        }
    }
    import_entities(&mut builder, with_nested(listed, nested));
    if let Some(layout) = layout {
        if !layout.groupings.is_empty() {
            builder.report().not_imported("groupings (casegraph has no groups)", layout.groupings.len());
        }
        for vertex in layout.vertices {
            place_vertex(&mut builder, vertex);
        }
    }
    Ok(builder.finish())
}

fn place_vertex(builder: &mut CaseBuilder, vertex: Vertex) {
    let (Some(entity), Some(position)) = (vertex.entity_id.filter(|_| vertex.kind == "entity"), vertex.position) else {
        builder
            .report()
            .not_imported(format!("vertices of type {} (Aleph draws a property as a node)", vertex.kind), 1);
        return;
    };
    let world = Position { x: position.x * ALEPH_GRID_UNIT, y: position.y * ALEPH_GRID_UNIT, pinned: vertex.fixed };
    if world.x.is_finite() && world.y.is_finite() && builder.place(&entity, world) {
        builder.report().mapped("vertex position → node position");
    }
}
