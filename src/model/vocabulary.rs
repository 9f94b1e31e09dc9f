//! Closed vocabularies: node kinds, link kinds, claim statuses, the figure's named choices
//! and the layout engines. Each is declared once with the `vocabulary!` macro, as an enum whose
//! variants carry their name in the file and a line of help; the decoder, serde, the command
//! line and the docs test all read that one table.

/// A closed set of named values, each written in case files by its name.
pub trait Vocabulary: Copy + Eq + Send + Sync + 'static {
    /// Every value, in the order legends and help list them.
    const VALUES: &'static [Self];
    /// What one value is called in messages: "node kind".
    const WHAT: &'static str;

    /// The value's name in case files and on the command line.
    fn name(self) -> &'static str;

    /// One line saying what the value means, for the command line's help.
    fn help(self) -> &'static str;

    /// The value named `text`, if any.
    fn from_name(text: &str) -> Option<Self> {
        Self::VALUES.iter().copied().find(|value| value.name() == text)
    }

    /// Every name, in order.
    fn names() -> Vec<&'static str> {
        Self::VALUES.iter().map(|value| value.name()).collect()
    }
}

/// Declares a [`Vocabulary`]: the enum with its documented variants, their names, `ALL`,
/// `as_str`, `parse`, and serialisation by name. Every variant needs a doc comment, which
/// becomes its help on the command line. `Name = "name" [default]` marks the default of an
/// enum that derives `Default`.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident ($what:literal) {
            $( $(#[doc = $doc:literal])+ $variant:ident = $text:literal $([$default:ident])?, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        $vis enum $name {
            $( $(#[doc = $doc])+ $(#[$default])? $variant, )+
        }

        impl $name {
            /// Every value, in the order legends and help list them.
            pub const ALL: [Self; [$($text),+].len()] = [$(Self::$variant),+];

            /// The name used in case files.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)+
                }
            }

            /// The value named `text`, if any.
            pub fn parse(text: &str) -> Option<Self> {
                <Self as $crate::model::vocabulary::Vocabulary>::from_name(text)
            }
        }

        impl $crate::model::vocabulary::Vocabulary for $name {
            const VALUES: &'static [Self] = &Self::ALL;
            const WHAT: &'static str = $what;

            fn name(self) -> &'static str {
                self.as_str()
            }

            fn help(self) -> &'static str {
                match self {
                    $(Self::$variant => concat!($($doc),+).trim_ascii(),)+
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

pub(crate) use vocabulary;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClaimStatus, FigureBackground, FigureExtent, LinkKind, NodeKind, SourceNote};

    fn check<T: Vocabulary + std::fmt::Debug + serde::Serialize>() {
        let names = T::names();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len(), "{} names repeat", T::WHAT);
        for &value in T::VALUES {
            assert_eq!(T::from_name(value.name()), Some(value));
            let json = serde_json::to_string(&value).expect("a name serialises");
            assert_eq!(json, format!("\"{}\"", value.name()));
            assert!(!value.help().is_empty() && !value.help().starts_with(' '), "{value:?}");
        }
        assert_eq!(T::from_name("no such name"), None);
    }

    #[test]
    fn every_vocabulary_reads_back_what_it_writes() {
        check::<NodeKind>();
        check::<LinkKind>();
        check::<ClaimStatus>();
        check::<FigureExtent>();
        check::<FigureBackground>();
        check::<SourceNote>();
    }

    #[test]
    fn help_comes_from_the_doc_comments() {
        assert_eq!(NodeKind::Person.help(), "A natural person.");
        assert_eq!(FigureExtent::Saved.help(), "What the saved camera shows (the whole case when none was saved).");
    }
}
