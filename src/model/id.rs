//! Identifiers shared by nodes, links, sources and quotes.

use std::borrow::Borrow;
use std::fmt;

use compact_str::CompactString;
use serde::Serialize;

/// The longest id FollowTheMoney accepts.
pub const MAX_ID_LENGTH: usize = 200;

/// An id in the case's single namespace. Follows the FollowTheMoney rule (letters, digits,
/// `.` and `-`, starting and ending with a letter or digit) so cases export without renaming.
/// Ids of up to 24 bytes, nearly all of them, are stored inline: a large case holds hundreds
/// of thousands of ids and references, and not allocating each one halves its load time.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Id(CompactString);

/// Why a string is not a valid [`Id`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// The string is empty.
    #[error("an id cannot be empty")]
    Empty,
    /// Longer than [`MAX_ID_LENGTH`].
    #[error("an id can be at most {MAX_ID_LENGTH} characters long; this one has {0}")]
    TooLong(usize),
    /// A character outside the allowed set.
    #[error("an id may contain only letters a-z, A-Z, digits, `.` and `-`; found {0:?}")]
    BadCharacter(char),
    /// Starts or ends with `.` or `-`.
    #[error("an id must start and end with a letter or digit")]
    BadEnd,
}

impl Id {
    /// Checks `text` against the id rule.
    pub fn parse(text: &str) -> Result<Self, IdError> {
        Self::check(text)?;
        Ok(Self(CompactString::from(text)))
    }

    /// Checks `text` against the id rule without building an id.
    pub fn check(text: &str) -> Result<(), IdError> {
        let bytes = text.as_bytes();
        let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
            return Err(IdError::Empty);
        };
        if text.len() > MAX_ID_LENGTH {
            return Err(IdError::TooLong(text.chars().count()));
        }
        let allowed = |b: u8| b.is_ascii_alphanumeric() || b == b'.' || b == b'-';
        if !bytes.iter().all(|&b| allowed(b)) {
            let bad = text.chars().find(|c| !c.is_ascii() || !allowed(*c as u8)).unwrap_or(' ');
            return Err(IdError::BadCharacter(bad));
        }
        if !first.is_ascii_alphanumeric() || !last.is_ascii_alphanumeric() {
            return Err(IdError::BadEnd);
        }
        Ok(())
    }

    /// Keeps a string that failed the rule, so that loading can go on and report everything;
    /// a case holding such an id never opens, because the failure is reported as an error.
    pub(crate) fn unchecked(text: &str) -> Self {
        Self(CompactString::from(text))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_the_followthemoney_rule() {
        for good in ["a", "p-igor-michurin", "Q.42", "7", "a.b-c9"] {
            assert!(Id::parse(good).is_ok(), "{good}");
        }
        assert_eq!(Id::parse(""), Err(IdError::Empty));
        assert_eq!(Id::parse("p_jane"), Err(IdError::BadCharacter('_')));
        assert_eq!(Id::parse("has space"), Err(IdError::BadCharacter(' ')));
        assert_eq!(Id::parse("ид"), Err(IdError::BadCharacter('и')));
        assert_eq!(Id::parse("-a"), Err(IdError::BadEnd));
        assert_eq!(Id::parse("a."), Err(IdError::BadEnd));
        assert_eq!(Id::parse(&"a".repeat(201)), Err(IdError::TooLong(201)));
        assert!(Id::parse(&"a".repeat(200)).is_ok());
    }
}
