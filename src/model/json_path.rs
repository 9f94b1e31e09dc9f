//! Paths into a JSON document (`links[3].target`), so every message can say exactly where.

use std::fmt;

/// One step of a [`JsonPath`]: an object key or an array index.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PathSegment {
    /// A member of an object.
    Key(String),
    /// An element of an array.
    Index(usize),
}

/// An owned path from the document root, such as `nodes[2].countries[0]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct JsonPath {
    segments: Vec<PathSegment>,
}

impl JsonPath {
    /// The document root (rendered as `$`).
    pub fn root() -> Self {
        Self::default()
    }

    /// This path extended by an object key.
    pub fn key(mut self, key: &str) -> Self {
        self.segments.push(PathSegment::Key(key.to_owned()));
        self
    }

    /// This path extended by an array index.
    pub fn index(mut self, index: usize) -> Self {
        self.segments.push(PathSegment::Index(index));
        self
    }

    /// The steps from the root, in order.
    pub fn segments(&self) -> &[PathSegment] {
        &self.segments
    }
}

/// Keys that read well after a dot; anything else is written as `["key"]`.
fn is_plain_key(key: &str) -> bool {
    let mut chars = key.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.segments.is_empty() {
            return f.write_str("$");
        }
        for (position, segment) in self.segments.iter().enumerate() {
            match segment {
                PathSegment::Key(key) if is_plain_key(key) => {
                    if position > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(key)?;
                }
                PathSegment::Key(key) => write!(f, "[{key:?}]")?,
                PathSegment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// A borrowed path built on the stack while decoding, turned into a [`JsonPath`] only when a
/// message needs it, so that decoding a valid file allocates nothing for paths.
#[derive(Clone, Copy, Debug)]
pub enum PathRef<'p> {
    /// The document root.
    Root,
    /// A key below a parent path.
    Key(&'p PathRef<'p>, &'p str),
    /// An index below a parent path.
    Index(&'p PathRef<'p>, usize),
}

impl<'p> PathRef<'p> {
    /// A child path for an object key.
    pub fn key(&'p self, key: &'p str) -> PathRef<'p> {
        PathRef::Key(self, key)
    }

    /// A child path for an array index.
    pub fn index(&'p self, index: usize) -> PathRef<'p> {
        PathRef::Index(self, index)
    }

    /// The owned form, for a diagnostic.
    pub fn to_path(&self) -> JsonPath {
        let mut reversed = Vec::new();
        let mut current = self;
        loop {
            match current {
                PathRef::Root => break,
                PathRef::Key(parent, key) => {
                    reversed.push(PathSegment::Key((*key).to_owned()));
                    current = parent;
                }
                PathRef::Index(parent, index) => {
                    reversed.push(PathSegment::Index(*index));
                    current = parent;
                }
            }
        }
        reversed.reverse();
        JsonPath { segments: reversed }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_a_javascript_accessor() {
        let path = JsonPath::root().key("links").index(3).key("target");
        assert_eq!(path.to_string(), "links[3].target");
        let odd = JsonPath::root().key("layout").key("positions").key("p-lee").key("x");
        assert_eq!(odd.to_string(), r#"layout.positions["p-lee"].x"#);
        assert_eq!(JsonPath::root().to_string(), "$");
    }

    #[test]
    fn borrowed_path_matches_owned_path() {
        let root = PathRef::Root;
        let nodes = root.key("nodes");
        let second = nodes.index(1);
        let label = second.key("label");
        assert_eq!(label.to_path(), JsonPath::root().key("nodes").index(1).key("label"));
    }
}
