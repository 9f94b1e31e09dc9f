//! A small JSON reader that knows where every value starts.
//!
//! serde_json stops at the first problem and forgets positions; the case loader needs the
//! position of every value so that each of many messages can name its line and column.
//! [`Scanner`] reads JSON piece by piece, so the case decoder can build the case straight
//! from the text; [`parse`] builds a whole [`JsonNode`] tree with the same scanner, for
//! placing messages by path. Both share every syntax rule and message. Strings without
//! escapes are borrowed from the input.

mod strings;

use std::borrow::Cow;

/// How deep arrays and objects may nest before the parser refuses, so hostile input cannot
/// exhaust the stack. Real case files nest five or six levels.
pub const MAX_DEPTH: usize = 128;

/// A JSON value with the byte offset where it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct JsonNode<'a> {
    /// Byte offset of the value's first character.
    pub offset: u32,
    /// The value itself.
    pub value: JsonValue<'a>,
}

/// An object member with the offset of its key.
#[derive(Clone, Debug, PartialEq)]
pub struct JsonMember<'a> {
    /// The decoded key.
    pub key: Cow<'a, str>,
    /// Byte offset of the key's opening quote.
    pub key_offset: u32,
    /// The member's value.
    pub value: JsonNode<'a>,
}

/// A parsed JSON value. Numbers keep their source text so that integers and floats can each
/// be read exactly by whoever needs them.
#[derive(Clone, Debug, PartialEq)]
pub enum JsonValue<'a> {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, as written (grammar already checked).
    Number(&'a str),
    /// A string, unescaped.
    String(Cow<'a, str>),
    /// An array.
    Array(Box<[JsonNode<'a>]>),
    /// An object, members in file order (duplicates kept, for the decoder to report).
    Object(Box<[JsonMember<'a>]>),
}

impl JsonValue<'_> {
    /// A short name of the value's type for messages ("a string", "an array").
    pub fn type_name(&self) -> &'static str {
        match self {
            JsonValue::Null => "null",
            JsonValue::Bool(_) => "a boolean",
            JsonValue::Number(_) => "a number",
            JsonValue::String(_) => "a string",
            JsonValue::Array(_) => "an array",
            JsonValue::Object(_) => "an object",
        }
    }
}

/// Why the text is not JSON, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// Byte offset of the problem.
    pub offset: u32,
    /// What is wrong, in words.
    pub message: String,
    /// How to fix it, when the parser can tell.
    pub help: Option<String>,
}

/// Parses a whole document into a tree. The text must not be longer than `u32::MAX` bytes.
pub fn parse(text: &str) -> Result<JsonNode<'_>, SyntaxError> {
    let mut scanner = Scanner::new(text)?;
    let root = scanner.value()?;
    scanner.finish()?;
    Ok(root)
}

/// Reads a JSON text piece by piece. Call [`Scanner::new`], read one value, then
/// [`Scanner::finish`].
pub struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    position: usize,
    /// Where each enclosing array or object opened, innermost last, to name it when the
    /// file ends early.
    open: Vec<(usize, &'static str)>,
    /// Elements of the arrays being built into a tree, innermost last; each array takes its
    /// own off the end into an allocation of exactly the right size.
    elements: Vec<JsonNode<'a>>,
    /// Members of the objects being built, likewise.
    members: Vec<JsonMember<'a>>,
}

/// Where a reader stands inside one array or object.
#[derive(Debug)]
pub struct Cursor {
    first: bool,
}

impl Cursor {
    /// A cursor for a reader that starts at an element or key inside an array or object,
    /// as a reader resumed with [`Scanner::resume_at`] does.
    pub fn at_member() -> Self {
        Self { first: true }
    }

    /// A cursor for a reader that starts just after an element or member.
    pub fn after_member() -> Self {
        Self { first: false }
    }
}

/// The kind of value that starts at the scanner's position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// `{`
    Object,
    /// `[`
    Array,
    /// `"`
    String,
    /// `-` or a digit
    Number,
    /// `true` or `false`
    Bool,
    /// `null`
    Null,
}

impl Next {
    /// A short name for messages, as [`JsonValue::type_name`] gives it.
    pub fn type_name(self) -> &'static str {
        match self {
            Next::Object => "an object",
            Next::Array => "an array",
            Next::String => "a string",
            Next::Number => "a number",
            Next::Bool => "a boolean",
            Next::Null => "null",
        }
    }
}

impl<'a> Scanner<'a> {
    /// A scanner at the first value of `text`; an error for an empty text.
    pub fn new(text: &'a str) -> Result<Self, SyntaxError> {
        debug_assert!(u32::try_from(text.len()).is_ok());
        let mut scanner = Self {
            text,
            bytes: text.as_bytes(),
            position: 0,
            open: Vec::new(),
            elements: Vec::new(),
            members: Vec::new(),
        };
        scanner.skip_whitespace()?;
        if scanner.position == scanner.bytes.len() {
            return Err(scanner.error_at(0, "the file is empty; a case file is one JSON object", None));
        }
        Ok(scanner)
    }

    /// A scanner at `position` inside `depth` levels of arrays and objects, for reading one
    /// part of a text on another thread. Errors that name where an enclosing level opened
    /// are only right for a scanner that read from the start.
    pub fn resume_at(text: &'a str, position: usize, depth: usize) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            position,
            open: vec![(0, "object"); depth],
            elements: Vec::new(),
            members: Vec::new(),
        }
    }

    /// Moves the scanner to `position`, where a reader on another thread stopped; that reader
    /// must have started at this scanner's position and depth.
    pub fn seek(&mut self, position: u32) {
        self.position = position as usize;
    }

    /// Checks that nothing but white space follows the value just read.
    pub fn finish(&mut self) -> Result<(), SyntaxError> {
        self.skip_whitespace()?;
        if self.position < self.bytes.len() {
            return Err(self.error(
                "unexpected text after the end of the JSON document",
                Some("a case file holds exactly one JSON object; remove what follows its closing `}`"),
            ));
        }
        Ok(())
    }

    /// Byte offset of the scanner.
    pub fn offset(&self) -> u32 {
        self.position as u32
    }

    fn error(&self, message: &str, help: Option<&str>) -> SyntaxError {
        self.error_at(self.position, message, help)
    }

    fn error_at(&self, position: usize, message: &str, help: Option<&str>) -> SyntaxError {
        SyntaxError { offset: position as u32, message: message.to_owned(), help: help.map(str::to_owned) }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.position).copied()
    }

    /// Skips white space; most calls find none, so that check is inlined into the caller.
    #[inline(always)]
    fn skip_whitespace(&mut self) -> Result<(), SyntaxError> {
        match self.peek() {
            Some(b' ' | b'\t' | b'\n' | b'\r' | b'/') => self.skip_some_whitespace(),
            _ => Ok(()),
        }
    }

    fn skip_some_whitespace(&mut self) -> Result<(), SyntaxError> {
        // A local position stays in a register; indentation is skipped eight spaces at a time.
        const EIGHT_SPACES: u64 = u64::from_le_bytes([b' '; 8]);
        let bytes = self.bytes;
        let mut position = self.position;
        while let Some(&byte) = bytes.get(position) {
            match byte {
                b' ' => {
                    position += 1;
                    while let Some(chunk) = bytes.get(position..position + 8) {
                        let word = u64::from_le_bytes([
                            chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
                        ]);
                        let differs = word ^ EIGHT_SPACES;
                        if differs != 0 {
                            // Skip the spaces before the first byte that is not one.
                            position += differs.trailing_zeros() as usize / 8;
                            break;
                        }
                        position += 8;
                    }
                }
                b'\t' | b'\n' | b'\r' => position += 1,
                b'/' if matches!(bytes.get(position + 1), Some(b'/' | b'*')) => {
                    self.position = position;
                    return Err(self.error(
                        "comments are not allowed in JSON",
                        Some("remove the comment, or move the note into a `description` field"),
                    ));
                }
                _ => break,
            }
        }
        self.position = position;
        Ok(())
    }

    /// What kind of value starts here; a syntax error when none can.
    pub fn next(&self) -> Result<Next, SyntaxError> {
        match self.peek() {
            Some(b'{') => Ok(Next::Object),
            Some(b'[') => Ok(Next::Array),
            Some(b'"') => Ok(Next::String),
            Some(b'-' | b'0'..=b'9') => Ok(Next::Number),
            Some(b't' | b'f') => Ok(Next::Bool),
            Some(b'n') => Ok(Next::Null),
            Some(_) => Err(self.unexpected_value()),
            None => Err(match self.open.last() {
                Some(&(open, what)) => self.unclosed(open, what),
                None => self.error("the file ends where a value was expected", None),
            }),
        }
    }

    /// Reads the value here into a tree.
    pub fn value(&mut self) -> Result<JsonNode<'a>, SyntaxError> {
        let offset = self.offset();
        let value = match self.next()? {
            Next::Object => {
                let first = self.members.len();
                let mut cursor = self.begin_object()?;
                while let Some((key, key_offset)) = self.next_key(&mut cursor)? {
                    let value = self.value()?;
                    self.members.push(JsonMember { key, key_offset, value });
                }
                JsonValue::Object(self.members.drain(first..).collect())
            }
            Next::Array => {
                let first = self.elements.len();
                let mut cursor = self.begin_array()?;
                while self.next_element(&mut cursor)? {
                    let element = self.value()?;
                    self.elements.push(element);
                }
                JsonValue::Array(self.elements.drain(first..).collect())
            }
            Next::String => JsonValue::String(self.string()?),
            Next::Number => JsonValue::Number(self.number()?),
            Next::Bool => JsonValue::Bool(self.boolean()?),
            Next::Null => self.literal("null", JsonValue::Null)?,
        };
        Ok(JsonNode { offset, value })
    }

    /// Reads past the value here without keeping it.
    pub fn skip_value(&mut self) -> Result<(), SyntaxError> {
        match self.next()? {
            Next::Object => {
                let mut cursor = self.begin_object()?;
                while self.next_key(&mut cursor)?.is_some() {
                    self.skip_value()?;
                }
            }
            Next::Array => {
                let mut cursor = self.begin_array()?;
                while self.next_element(&mut cursor)? {
                    self.skip_value()?;
                }
            }
            Next::String => {
                self.string()?;
            }
            Next::Number => {
                self.number()?;
            }
            Next::Bool => {
                self.boolean()?;
            }
            Next::Null => {
                self.literal("null", ())?;
            }
        }
        Ok(())
    }

    fn unexpected_value(&self) -> SyntaxError {
        let rest = &self.text[self.position..];
        let starts_with = |word: &str| rest.starts_with(word);
        if starts_with("NaN") || starts_with("Infinity") {
            return self.error("NaN and Infinity are not JSON numbers", Some("write a finite number such as 0"));
        }
        if starts_with("'") {
            return self.error("strings must use double quotes", Some("replace the single quotes with \""));
        }
        match self.peek() {
            Some(b',') => self.error("expected a value, found `,`", Some("remove the extra comma")),
            Some(b'}' | b']') => self.error("expected a value, found a closing bracket", None),
            _ => {
                let found: String = rest.chars().next().map(|c| c.escape_debug().collect()).unwrap_or_default();
                self.error(&format!("expected a JSON value, found `{found}`"), None)
            }
        }
    }

    fn literal<T>(&mut self, word: &str, value: T) -> Result<T, SyntaxError> {
        if self.text[self.position..].starts_with(word) {
            self.position += word.len();
            Ok(value)
        } else {
            Err(self.unexpected_value())
        }
    }

    /// Reads `true` or `false`.
    pub fn boolean(&mut self) -> Result<bool, SyntaxError> {
        if self.peek() == Some(b't') { self.literal("true", true) } else { self.literal("false", false) }
    }

    /// Reads `null` if it is here; true when it was.
    pub fn null(&mut self) -> Result<bool, SyntaxError> {
        if self.peek() == Some(b'n') { self.literal("null", true) } else { Ok(false) }
    }

    fn enter(&mut self, what: &'static str) -> Result<(), SyntaxError> {
        self.open.push((self.position, what));
        if self.open.len() > MAX_DEPTH {
            return Err(self.error(
                &format!("arrays and objects are nested more than {MAX_DEPTH} levels deep"),
                Some("a case file nests only a few levels; this file is not a case file"),
            ));
        }
        Ok(())
    }

    fn unclosed(&self, open: usize, what: &str) -> SyntaxError {
        let (line, column) = crate::model::text_position::line_column(self.text, open as u32);
        self.error(
            &format!("the file ends inside the {what} opened at line {line}, column {column}"),
            Some("the file may be truncated; restore it from a backup or version control"),
        )
    }

    fn unclosed_innermost(&self) -> SyntaxError {
        let (open, what) = self.open.last().copied().unwrap_or((0, "document"));
        self.unclosed(open, what)
    }

    /// Consumes the closing bracket here and leaves the array or object it closes.
    fn close(&mut self) {
        self.position += 1;
        self.open.pop();
    }

    /// Consumes the `[` here; then call [`Scanner::next_element`] until it returns false.
    pub fn begin_array(&mut self) -> Result<Cursor, SyntaxError> {
        self.enter("array")?;
        self.position += 1;
        Ok(Cursor { first: true })
    }

    /// Moves to the next element of the array being read: true when one starts here, false
    /// after the closing bracket.
    pub fn next_element(&mut self, cursor: &mut Cursor) -> Result<bool, SyntaxError> {
        self.skip_whitespace()?;
        if cursor.first {
            cursor.first = false;
            if self.peek() == Some(b']') {
                self.close();
                return Ok(false);
            }
            return Ok(true);
        }
        match self.peek() {
            Some(b',') => {
                self.position += 1;
                self.skip_whitespace()?;
                if self.peek() == Some(b']') {
                    return Err(
                        self.error("trailing comma before `]`", Some("remove the comma after the last element"))
                    );
                }
                Ok(true)
            }
            Some(b']') => {
                self.close();
                Ok(false)
            }
            None => Err(self.unclosed_innermost()),
            Some(_) => Err(self
                .error("expected `,` or `]` after an array element", Some("is a comma missing between two elements?"))),
        }
    }

    /// Consumes the `{` here; then call [`Scanner::next_key`] until it returns `None`.
    pub fn begin_object(&mut self) -> Result<Cursor, SyntaxError> {
        self.enter("object")?;
        self.position += 1;
        Ok(Cursor { first: true })
    }

    /// The next key of the object being read and its offset, leaving the scanner at its
    /// value; `None` after the closing brace.
    pub fn next_key(&mut self, cursor: &mut Cursor) -> Result<Option<(Cow<'a, str>, u32)>, SyntaxError> {
        self.skip_whitespace()?;
        if cursor.first {
            cursor.first = false;
            if self.peek() == Some(b'}') {
                self.close();
                return Ok(None);
            }
        } else {
            match self.peek() {
                Some(b',') => {
                    self.position += 1;
                    self.skip_whitespace()?;
                }
                Some(b'}') => {
                    self.close();
                    return Ok(None);
                }
                None => return Err(self.unclosed_innermost()),
                Some(_) => {
                    return Err(self.error(
                        "expected `,` or `}` after an object member",
                        Some("is a comma missing between two members?"),
                    ));
                }
            }
        }
        match self.peek() {
            Some(b'"') => {}
            None => return Err(self.unclosed_innermost()),
            Some(b'}') => {
                return Err(self.error("trailing comma before `}`", Some("remove the comma after the last member")));
            }
            Some(_) => {
                return Err(self
                    .error("expected a key in double quotes", Some("object keys are strings: write \"key\": value")));
            }
        }
        let key_offset = self.offset();
        let key = self.string()?;
        self.skip_whitespace()?;
        if self.peek() != Some(b':') {
            return Err(self.error("expected `:` after an object key", None));
        }
        self.position += 1;
        self.skip_whitespace()?;
        Ok(Some((key, key_offset)))
    }

    /// Reads the number here, returning its text (grammar checked).
    pub fn number(&mut self) -> Result<&'a str, SyntaxError> {
        let start = self.position;
        if self.peek() == Some(b'-') {
            self.position += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.position += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.error_at(start, "numbers cannot have leading zeros", None));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ if self.text[self.position..].starts_with("Infinity") => return Err(self.unexpected_value()),
            _ => return Err(self.error("expected a digit", None)),
        }
        if self.peek() == Some(b'.') {
            self.position += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("expected a digit after the decimal point", None));
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.position += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.position += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("expected a digit in the exponent", None));
            }
            self.digits();
        }
        Ok(&self.text[start..self.position])
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.position += 1;
        }
    }
}

#[cfg(test)]
mod tests;
