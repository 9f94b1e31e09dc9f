//! One FollowTheMoney entity as read: its id, schema and properties, each property's values
//! as text. Mapping takes the properties it uses; what is left is reported as not imported.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::exchange::report::ImportReport;

/// An entity as it stands in a stream or a diagram, before its values are checked. Aleph's
/// older diagrams nest whole entities where a reference is expected, so a value may be an
/// object.
#[derive(Deserialize)]
pub(crate) struct RawEntity {
    id: String,
    schema: String,
    #[serde(default)]
    properties: BTreeMap<String, Vec<serde_json::Value>>,
}

/// An entity with its values as text, and where it was read.
#[derive(Clone, Debug)]
pub(crate) struct Entity {
    /// The entity's id in the file.
    pub id: String,
    /// Its schema ("Person", "Ownership").
    pub schema: String,
    /// Where it was read, for messages ("line 12", "layout.entities[3]").
    pub place: String,
    properties: BTreeMap<String, Vec<String>>,
}

impl Entity {
    /// The entity as text values; entities nested in its properties are added to `nested`
    /// and referred to by their id.
    pub(crate) fn from_raw(raw: RawEntity, place: String, nested: &mut Vec<Entity>, report: &mut ImportReport) -> Self {
        let mut properties = BTreeMap::new();
        for (name, values) in raw.properties {
            let mut texts = Vec::with_capacity(values.len());
            for value in values {
                match value {
                    // FtM drops blank values when it cleans an entity; so does the import.
                    serde_json::Value::String(text) if text.trim().is_empty() => {}
                    serde_json::Value::String(text) => texts.push(text),
                    serde_json::Value::Number(number) => texts.push(number.to_string()),
                    serde_json::Value::Object(_) => match serde_json::from_value::<RawEntity>(value) {
                        Ok(inner) => {
                            texts.push(inner.id.clone());
                            let inner_place = format!("{place}, in `{name}`");
                            let entity = Entity::from_raw(inner, inner_place, nested, report);
                            nested.push(entity);
                        }
                        Err(error) => {
                            report.problem(&place, format!("`{name}` holds an object that is not an entity ({error})"));
                        }
                    },
                    other => report.problem(&place, format!("`{name}` holds {other}, not text; the value was skipped")),
                }
            }
            properties.insert(name, texts);
        }
        Self { id: raw.id, schema: raw.schema, place, properties }
    }

    /// Takes every value of the property `name`.
    pub(crate) fn take(&mut self, name: &str) -> Vec<String> {
        self.properties.remove(name).unwrap_or_default()
    }

    /// Takes the property `name` and keeps its first value; any others are reported.
    pub(crate) fn take_first(&mut self, name: &str, report: &mut ImportReport) -> Option<String> {
        let mut values = self.take(name).into_iter();
        let first = values.next();
        let extra = values.count();
        if extra > 0 {
            report.not_imported(format!("more than one {}.{name} (the first is kept)", self.schema), extra);
        }
        first
    }

    /// Reports every property not taken.
    pub(crate) fn report_leftovers(self, report: &mut ImportReport) {
        for (name, values) in self.properties {
            report.not_imported(format!("property {}.{name}", self.schema), values.len());
        }
    }
}
