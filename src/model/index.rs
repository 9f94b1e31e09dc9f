//! Typed indices into a case's collections, so a node's index cannot be passed where a
//! link's is wanted: `NodeIx` into `case.nodes`, `LinkIx` into `case.links`, `SourceIx` into
//! `case.sources`, `QuoteIx` into `case.quotes`.

/// Declares a typed index into one collection.
macro_rules! typed_index {
    ($(#[$meta:meta])* $name:ident, $items:ty) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(usize);

        impl $name {
            /// The index `index` into its collection.
            pub const fn new(index: usize) -> Self {
                Self(index)
            }

            /// The index as a number, for indexing arrays kept beside the collection.
            pub const fn index(self) -> usize {
                self.0
            }

            /// Every index of a collection of `count` items, in order.
            pub fn all(count: usize) -> impl DoubleEndedIterator<Item = Self> + ExactSizeIterator + Clone {
                (0..count).map(Self)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(formatter, "{}", self.0)
            }
        }

        impl std::ops::Index<$name> for [$items] {
            type Output = $items;

            fn index(&self, index: $name) -> &$items {
                &self[index.0]
            }
        }

        impl std::ops::Index<$name> for Vec<$items> {
            type Output = $items;

            fn index(&self, index: $name) -> &$items {
                &self[index.0]
            }
        }
    };
}

typed_index!(
    /// A node's place in `case.nodes`.
    NodeIx,
    super::case::Node
);
typed_index!(
    /// A link's place in `case.links`.
    LinkIx,
    super::case::Link
);
typed_index!(
    /// A source's place in `case.sources`.
    SourceIx,
    super::case::Source
);
typed_index!(
    /// A quote's place in `case.quotes`.
    QuoteIx,
    super::case::Quote
);
typed_index!(
    /// A review mark's place in `case.reviews`.
    ReviewIx,
    super::case::Review
);
typed_index!(
    /// A story step's place in `case.story.steps`.
    StepIx,
    super::story::StoryStep
);
