//! A small JSON reader that knows where every value starts.
//!
//! serde_json stops at the first problem and forgets positions; the case loader needs the
//! position of every value so that each of many messages can name its line and column.
//! [`Scanner`] reads JSON piece by piece, so the case decoder can build the case straight
//! from the text; [`parse`] builds a whole [`JsonNode`] tree with the same scanner, for
//! placing messages by path. Both share every syntax rule and message. Strings without
//! escapes are borrowed from the input.

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

/// Bytes that end the plain run of a string: the closing quote, a backslash, and the control
/// characters JSON forbids inside strings.
const STRING_STOP: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = true;
        byte += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// The eight bytes at `position` as one little-endian word, if there are eight.
fn word_at(bytes: &[u8], position: usize) -> Option<u64> {
    bytes.get(position..position + 8).and_then(|chunk| chunk.try_into().ok()).map(u64::from_le_bytes)
}

/// The high bit of each byte of `word` that ends the fast path of a string (a quote, a
/// backslash or a control character), exact for the lowest such byte, which is all the
/// reader uses: bytes above it may be marked falsely by the borrow of the subtraction.
fn string_stops(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let zero_bytes = |x: u64| x.wrapping_sub(ONES) & !x;
    let quotes = zero_bytes(word ^ (ONES * u64::from(b'"')));
    let backslashes = zero_bytes(word ^ (ONES * u64::from(b'\\')));
    let controls = word.wrapping_sub(ONES * 0x20) & !word;
    (quotes | backslashes | controls) & HIGH_BITS
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

    /// Reads the string here, unescaped.
    pub fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        let open = self.position;
        self.position += 1;
        let start = self.position;
        // Fast path: most strings have no escapes; eight bytes at a time, then one table
        // look-up a byte, find the closing quote, a backslash or a control character.
        let mut position = start;
        let found = loop {
            let Some(word) = word_at(self.bytes, position) else {
                break self.bytes[position..].iter().position(|&b| STRING_STOP[usize::from(b)]).map(|f| position + f);
            };
            let stops = string_stops(word);
            if stops != 0 {
                break Some(position + stops.trailing_zeros() as usize / 8);
            }
            position += 8;
        };
        let Some(position) = found else {
            return Err(self.unclosed_string(open));
        };
        self.position = position;
        match self.bytes[self.position] {
            b'"' => {
                self.position += 1;
                return Ok(Cow::Borrowed(&self.text[start..self.position - 1]));
            }
            b'\\' => {}
            control => return Err(self.control_character(control)),
        }
        let mut owned = String::from(&self.text[start..self.position]);
        loop {
            let Some(byte) = self.peek() else {
                return Err(self.unclosed_string(open));
            };
            match byte {
                b'"' => {
                    self.position += 1;
                    return Ok(Cow::Owned(owned));
                }
                b'\\' => self.escape(&mut owned)?,
                0x00..=0x1f => return Err(self.control_character(byte)),
                _ => {
                    let run_start = self.position;
                    while let Some(b) = self.peek() {
                        if b == b'"' || b == b'\\' || b < 0x20 {
                            break;
                        }
                        self.position += 1;
                    }
                    owned.push_str(&self.text[run_start..self.position]);
                }
            }
        }
    }

    fn unclosed_string(&self, open: usize) -> SyntaxError {
        self.error_at(
            open,
            "the file ends inside this string",
            Some("the file may be truncated, or the string is missing its closing \""),
        )
    }

    fn control_character(&self, byte: u8) -> SyntaxError {
        let help = if byte == b'\n' {
            "a string cannot span lines; write the line break as \\n, or close the string"
        } else {
            "write control characters as escapes such as \\t or \\u0001"
        };
        self.error(&format!("raw control character 0x{byte:02x} inside a string"), Some(help))
    }

    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let escape_start = self.position;
        self.position += 1;
        let Some(kind) = self.peek() else {
            return Err(self.error("the file ends inside an escape sequence", None));
        };
        self.position += 1;
        let decoded = match kind {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let high = self.hex4(escape_start)?;
                if (0xD800..0xDC00).contains(&high) {
                    if !self.text[self.position..].starts_with("\\u") {
                        return Err(self.lone_surrogate(escape_start));
                    }
                    self.position += 2;
                    let low = self.hex4(escape_start)?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err(self.lone_surrogate(escape_start));
                    }
                    let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                    char::from_u32(combined).ok_or_else(|| self.lone_surrogate(escape_start))?
                } else {
                    char::from_u32(high).ok_or_else(|| self.lone_surrogate(escape_start))?
                }
            }
            _ => {
                return Err(self.error_at(
                    escape_start,
                    "invalid escape sequence",
                    Some("valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a backslash as \\\\"),
                ));
            }
        };
        out.push(decoded);
        Ok(())
    }

    fn lone_surrogate(&self, at: usize) -> SyntaxError {
        self.error_at(at, "\\u escape is half of a surrogate pair with no other half", None)
    }

    fn hex4(&mut self, escape_start: usize) -> Result<u32, SyntaxError> {
        let digits = self.bytes.get(self.position..self.position + 4);
        let value = digits
            .filter(|d| d.iter().all(u8::is_ascii_hexdigit))
            .and_then(|d| std::str::from_utf8(d).ok())
            .and_then(|d| u32::from_str_radix(d, 16).ok());
        match value {
            Some(value) => {
                self.position += 4;
                Ok(value)
            }
            None => Err(self.error_at(escape_start, "\\u must be followed by four hex digits", None)),
        }
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
mod tests {
    use super::*;

    #[test]
    fn eight_bytes_at_a_time_find_the_same_first_stop_as_the_table() {
        let mut random = crate::seeded_random::SplitMix64::new(5);
        // Bytes near each boundary of the stop set, mixed with any byte at all.
        let interesting = [0x00, 0x1f, 0x20, 0x21, b'"', b'#', b'[', b'\\', b']', 0x7f, 0x80, 0xc3, 0xff];
        for _ in 0..200_000 {
            let bytes: [u8; 8] = std::array::from_fn(|_| match random.below(3) {
                0 => random.next_u64() as u8,
                _ => interesting[random.below(interesting.len())],
            });
            let stops = string_stops(u64::from_le_bytes(bytes));
            let first = (stops != 0).then(|| stops.trailing_zeros() as usize / 8);
            assert_eq!(first, bytes.iter().position(|&b| STRING_STOP[usize::from(b)]), "{bytes:02x?}");
        }
    }

    fn error_of(text: &str) -> SyntaxError {
        parse(text).expect_err("should not parse")
    }

    #[test]
    fn parses_nested_values_with_offsets() {
        let root = parse(r#" {"a": [1, "x\n", true, null], "b": {"c": -2.5e3}}"#).expect("valid");
        assert_eq!(root.offset, 1);
        let JsonValue::Object(members) = &root.value else { panic!("object") };
        assert_eq!(members[0].key, "a");
        assert_eq!(members[0].key_offset, 2);
        let JsonValue::Array(items) = &members[0].value.value else { panic!("array") };
        assert_eq!(items[0].value, JsonValue::Number("1"));
        assert_eq!(items[1].value, JsonValue::String(Cow::Owned("x\n".into())));
        assert_eq!(items[1].offset, 11);
        assert_eq!(items[2].value, JsonValue::Bool(true));
        assert_eq!(items[3].value, JsonValue::Null);
    }

    #[test]
    fn agrees_with_serde_json_on_strings() {
        let text = r#"["plain", "tab\tquote\"slash\/uni\u00e9\ud83d\ude00", "Кирилл 한국어"]"#;
        let ours = parse(text).expect("valid");
        let theirs: Vec<String> = serde_json::from_str(text).expect("valid");
        let JsonValue::Array(items) = ours.value else { panic!("array") };
        let decoded: Vec<String> = items
            .into_iter()
            .map(|item| match item.value {
                JsonValue::String(s) => s.into_owned(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(decoded, theirs);
    }

    #[test]
    fn explains_common_mistakes() {
        assert!(error_of(r#"{"a": 1,}"#).message.contains("trailing comma"));
        assert!(error_of("[1,]").message.contains("trailing comma"));
        assert!(error_of(r#"{"a": 1 "b": 2}"#).help.expect("help").contains("comma missing"));
        assert!(error_of(r#"{"a": NaN}"#).message.contains("NaN"));
        assert!(error_of(r#"{'a': 1}"#).message.contains("double quotes"));
        assert!(error_of("{// note\n}").message.contains("comments"));
        assert!(error_of(r#"{"a": "x"#).message.contains("ends inside this string"));
        assert!(error_of("{\"a\": \"line\nbreak\"}").message.contains("control character"));
        assert!(error_of(r#"["\q"]"#).message.contains("invalid escape"));
        assert!(error_of(r#"["\ud800"]"#).message.contains("surrogate"));
        assert!(error_of("007").message.contains("leading zeros"));
        assert!(error_of("").message.contains("empty"));
        assert!(error_of("{} {}").message.contains("after the end"));
    }

    #[test]
    fn truncated_file_names_the_open_bracket() {
        let error = error_of("{\n  \"nodes\": [\n    {\"id\": 1}");
        assert!(error.message.contains("array opened at line 2, column 12"), "{}", error.message);
        let error = error_of("{\n  \"nodes\": [\n    {\"id\": 1},\n");
        assert!(error.message.contains("array opened at line 2, column 12"), "{}", error.message);
        let error = error_of("{\"a\": ");
        assert!(error.message.contains("object opened at line 1, column 1"), "{}", error.message);
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        let deep = "[".repeat(100_000);
        assert!(error_of(&deep).message.contains("nested more than 128"));
        let fine = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&fine).is_ok());
    }

    #[test]
    fn error_offsets_point_at_the_problem() {
        assert_eq!(error_of(r#"{"a": 1,}"#).offset, 8);
        assert_eq!(error_of(r#"{"a" 1}"#).offset, 5);
    }
}
