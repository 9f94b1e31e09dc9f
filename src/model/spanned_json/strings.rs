//! Strings in the scanner: found eight bytes at a time, escapes decoded, and every mistake in
//! them (an unclosed string, a control character, a bad escape, a lone surrogate) located.

use std::borrow::Cow;

use super::{Scanner, SyntaxError};

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

impl<'a> Scanner<'a> {
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
}
