//! The attributes a node and a link carry in GEXF and GraphML, declared once: their names,
//! types, how each is read from the case, and how an imported value is written back. Both
//! writers and both readers follow this table.

use crate::model::{
    Amount, ClaimStatus, Country, Currency, Link, LinkKind, Node, NodeKind, PartialDate, Support, check_decimal,
};

/// What kind of value an attribute holds, as GEXF and GraphML declare it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ValueType {
    /// Text.
    Text,
    /// A number with a fraction.
    Number,
    /// A whole number.
    Integer,
    /// `true` or `false`.
    Boolean,
}

impl ValueType {
    /// The type's name in GEXF (`attribute type`) and GraphML (`attr.type`).
    pub(crate) fn name(self, graphml: bool) -> &'static str {
        match (self, graphml) {
            (ValueType::Text, _) => "string",
            (ValueType::Number, _) => "double",
            (ValueType::Integer, false) => "integer",
            (ValueType::Integer, true) => "int",
            (ValueType::Boolean, _) => "boolean",
        }
    }
}

/// What an item says, with its support, for writing.
pub(crate) struct Claim<'c, T> {
    /// The node or link.
    pub item: &'c T,
    /// Its backing.
    pub support: Support,
    /// Whether the analyst pinned it (nodes only).
    pub pinned: bool,
}

/// Sets an attribute's value on an item from the file's text, or says why it cannot.
pub(crate) type WriteValue<T> = fn(&mut T, &str) -> Result<(), String>;

/// One attribute: its name, type, and how it is read and written.
pub(crate) struct Attribute<T: 'static> {
    /// The name in the file.
    pub name: &'static str,
    /// The type declared for it.
    pub value_type: ValueType,
    /// Its value for an item, if it has one.
    pub read: fn(&Claim<'_, T>) -> Option<String>,
    /// Sets it on an imported item from the file's text; `None` for what is worked out (support)
    /// or read elsewhere (kind, label).
    pub write: Option<WriteValue<T>>,
}

/// Between the values of a list (aliases, countries) in one text attribute.
pub(crate) const LIST_SEPARATOR: &str = "; ";

fn list(values: impl Iterator<Item = String>) -> Option<String> {
    let joined: Vec<String> = values.collect();
    (!joined.is_empty()).then(|| joined.join(LIST_SEPARATOR))
}

fn split(text: &str) -> impl Iterator<Item = &str> {
    text.split(';').map(str::trim).filter(|part| !part.is_empty())
}

/// Puts a value read into its field.
fn set<T>(field: &mut T, value: Result<T, String>) -> Result<(), String> {
    *field = value?;
    Ok(())
}

fn date(text: &str) -> Result<Option<PartialDate>, String> {
    PartialDate::parse(text).map(Some).map_err(|error| error.to_string())
}

fn status(text: &str) -> Result<Option<ClaimStatus>, String> {
    let names = ClaimStatus::ALL.map(ClaimStatus::as_str).join(", ");
    ClaimStatus::parse(text).map(Some).ok_or_else(|| format!("{text:?} is not a status ({names})"))
}

fn amount(node: &mut Node) -> &mut Amount {
    node.amount.get_or_insert_with(|| Amount {
        value: "0".to_owned(),
        max: None,
        currency: Currency::parse("XXX").expect("XXX is the ISO code for no currency"),
        approximate: false,
    })
}

fn boolean(text: &str) -> Result<bool, String> {
    match text.trim().to_lowercase().as_str() {
        "true" | "1" => Ok(true),
        "false" | "0" => Ok(false),
        _ => Err(format!("{text:?} is not true or false")),
    }
}

/// An attribute holding one of an item's fields as text: `date`, `status`, `text` (an optional
/// string), or the kind (read only); or one of the support counts (read only, worked out from
/// the quotes).
macro_rules! field {
    ($name:literal, $field:ident, date) => {
        Attribute {
            name: $name,
            value_type: ValueType::Text,
            read: |c| c.item.$field.map(|date| date.to_string()),
            write: Some(|item, text| set(&mut item.$field, date(text))),
        }
    };
    ($name:literal, $field:ident, status) => {
        Attribute {
            name: $name,
            value_type: ValueType::Text,
            read: |c| c.item.$field.map(|status| status.as_str().to_owned()),
            write: Some(|item, text| set(&mut item.$field, status(text))),
        }
    };
    ($name:literal, $field:ident, text) => {
        Attribute {
            name: $name,
            value_type: ValueType::Text,
            read: |c| c.item.$field.clone(),
            write: Some(|item, text| set(&mut item.$field, Ok(Some(text.to_owned())))),
        }
    };
    ($name:literal, kind) => {
        Attribute {
            name: $name,
            value_type: ValueType::Text,
            read: |c| Some(c.item.kind.as_str().to_owned()),
            write: None,
        }
    };
    ($name:literal, support $count:ident) => {
        Attribute {
            name: $name,
            value_type: ValueType::Integer,
            read: |c| Some(c.support.$count.to_string()),
            write: None,
        }
    };
}

/// Every node attribute, in the order files list them.
pub(crate) const NODE_ATTRIBUTES: [Attribute<Node>; 15] = [
    field!("kind", kind),
    Attribute {
        name: "aliases",
        value_type: ValueType::Text,
        read: |c| list(c.item.aliases.iter().cloned()),
        write: Some(|node, text| {
            node.aliases = split(text).map(str::to_owned).collect();
            Ok(())
        }),
    },
    Attribute {
        name: "countries",
        value_type: ValueType::Text,
        read: |c| list(c.item.countries.iter().map(|country| country.as_str().to_owned())),
        write: Some(|node, text| {
            let countries: Result<Vec<Country>, _> =
                split(text).map(|code| Country::parse(&code.to_lowercase())).collect();
            node.countries = countries.map_err(|error| error.to_string())?;
            Ok(())
        }),
    },
    field!("description", description, text),
    field!("start_date", start_date, date),
    field!("end_date", end_date, date),
    field!("date", date, date),
    Attribute {
        name: "amount",
        value_type: ValueType::Number,
        read: |c| c.item.amount.as_ref().map(|amount| amount.value.clone()),
        write: Some(|node, text| {
            // A reader may have written the number back as "671000.0"; the case keeps decimals.
            let value = text.trim().strip_suffix(".0").unwrap_or(text.trim());
            check_decimal(value).map_err(|error| error.to_string())?;
            amount(node).value = value.to_owned();
            Ok(())
        }),
    },
    Attribute {
        name: "amount_max",
        value_type: ValueType::Text,
        read: |c| c.item.amount.as_ref().and_then(|amount| amount.max.clone()),
        write: Some(|node, text| {
            check_decimal(text).map_err(|error| error.to_string())?;
            amount(node).max = Some(text.to_owned());
            Ok(())
        }),
    },
    Attribute {
        name: "currency",
        value_type: ValueType::Text,
        read: |c| c.item.amount.as_ref().map(|amount| amount.currency.as_str().to_owned()),
        write: Some(|node, text| {
            amount(node).currency = Currency::parse(&text.to_uppercase()).map_err(|error| error.to_string())?;
            Ok(())
        }),
    },
    Attribute {
        name: "approximate",
        value_type: ValueType::Boolean,
        read: |c| c.item.amount.as_ref().map(|amount| amount.approximate.to_string()),
        write: Some(|node, text| set(&mut amount(node).approximate, boolean(text))),
    },
    field!("status", status, status),
    field!("independent_sources", support independent_sources),
    field!("quotes", support quotes),
    Attribute { name: "pinned", value_type: ValueType::Boolean, read: |c| Some(c.pinned.to_string()), write: None },
];

/// Every link attribute, in the order files list them.
pub(crate) const LINK_ATTRIBUTES: [Attribute<Link>; 10] = [
    field!("kind", kind),
    // Whether the kind reads one way. The graph is directed, as networkx reads only graphs
    // whose edges all agree, so an undirected kind is written in its own source → target
    // order and marked here.
    Attribute {
        name: "directed",
        value_type: ValueType::Boolean,
        read: |c| Some(c.item.kind.is_directed().to_string()),
        write: None,
    },
    field!("role", role, text),
    field!("date", date, date),
    field!("start_date", start_date, date),
    field!("end_date", end_date, date),
    field!("status", status, status),
    field!("description", description, text),
    field!("independent_sources", support independent_sources),
    field!("quotes", support quotes),
];

/// The attribute names a foreign file may give a node's or link's kind under, first found wins.
pub(crate) const KIND_ATTRIBUTES: [&str; 4] = ["kind", "type", "schema", "category"];

/// The node kind a kind attribute's value names: casegraph's own names, FtM schemata, or the
/// usual English words.
pub(crate) fn node_kind_named(text: &str) -> Option<NodeKind> {
    let lower = text.trim().to_lowercase();
    NodeKind::parse(&lower).or(match lower.as_str() {
        "people" | "individual" | "human" => Some(NodeKind::Person),
        "organisation" | "org" | "legalentity" => Some(NodeKind::Organization),
        "publicbody" | "government body" | "ministry" | "agency" => Some(NodeKind::Government),
        "payment" => Some(NodeKind::Transaction),
        "firm" | "business" | "corporation" => Some(NodeKind::Company),
        _ => None,
    })
}

/// The link kind a kind attribute's value names: casegraph's own names or FtM's edge schemata.
pub(crate) fn link_kind_named(text: &str) -> Option<LinkKind> {
    let lower = text.trim().to_lowercase();
    LinkKind::parse(&lower).or_else(|| {
        LinkKind::ALL
            .into_iter()
            .find(|kind| kind.ftm_counterpart().0.to_lowercase() == lower && !kind.is_transaction_role())
    })
}

/// Refuses a date, amount or status on a node that is not a transaction, as the case file does.
pub(crate) fn check_transaction_only(node: &Node) -> Result<(), String> {
    let has_transaction_facts = node.date.is_some() || node.amount.is_some() || node.status.is_some();
    if node.kind != NodeKind::Transaction && has_transaction_facts {
        Err(format!("a date, amount or status is only for transactions, and this is a {}", node.kind.as_str()))
    } else {
        Ok(())
    }
}
