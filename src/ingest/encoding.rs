//! Turning the bytes of a text file into UTF-8, and saying how: a byte-order mark, valid UTF-8,
//! a page's own `charset`, or a guess from the bytes (chardetng, the detector Firefox uses).

use encoding_rs::{Encoding, UTF_8};

use super::ExtractError;

/// How the encoding of a file was decided, to show the analyst what was assumed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EncodingEvidence {
    /// The file starts with a byte-order mark.
    ByteOrderMark,
    /// The bytes are valid UTF-8.
    ValidUtf8,
    /// A web page names its encoding in a `charset`.
    Declared,
    /// Guessed from the bytes; worth a look.
    Guessed,
}

/// The encoding a file was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AssumedEncoding {
    /// The WHATWG name, such as `UTF-8`, `windows-1251` or `EUC-KR`.
    pub name: &'static str,
    /// How it was decided.
    pub evidence: EncodingEvidence,
}

impl AssumedEncoding {
    /// The encoding in words, for the command line and the metadata form.
    pub fn describe(&self) -> String {
        let how = match self.evidence {
            EncodingEvidence::ByteOrderMark => "from its byte-order mark",
            EncodingEvidence::ValidUtf8 => "valid UTF-8",
            EncodingEvidence::Declared => "as the page declares",
            EncodingEvidence::Guessed => "guessed from the text; check a few lines",
        };
        format!("{} ({how})", self.name)
    }
}

/// The share of control characters above which decoded text is taken for a binary file.
const MAX_CONTROL_SHARE: f64 = 0.01;

/// Decodes text bytes. `declared` is the encoding a web page names, if any.
pub fn decode_text(
    bytes: &[u8],
    declared: Option<&'static Encoding>,
) -> Result<(String, AssumedEncoding), ExtractError> {
    let (encoding, evidence, body) = if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        (encoding, EncodingEvidence::ByteOrderMark, &bytes[bom_length..])
    } else if std::str::from_utf8(bytes).is_ok() {
        (UTF_8, EncodingEvidence::ValidUtf8, bytes)
    } else if bytes.contains(&0) {
        // Text in a legacy encoding never holds a NUL byte; UTF-16 without a mark is not
        // guessed, as no reader can tell it from binary data reliably.
        return Err(ExtractError::Binary);
    } else if let Some(encoding) = declared {
        (encoding, EncodingEvidence::Declared, bytes)
    } else {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        (detector.guess(None, chardetng::Utf8Detection::Allow), EncodingEvidence::Guessed, bytes)
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors && evidence != EncodingEvidence::Guessed {
        return Err(ExtractError::NotText { encoding: encoding.name() });
    }
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    if looks_binary(&text) {
        return Err(ExtractError::Binary);
    }
    Ok((text, AssumedEncoding { name: encoding.name(), evidence }))
}

/// True when the text holds more control characters than any document does.
fn looks_binary(text: &str) -> bool {
    let mut characters = 0_usize;
    let mut controls = 0_usize;
    for c in text.chars() {
        characters += 1;
        if c.is_control() && !matches!(c, '\n' | '\t' | '\u{c}') || c == '\u{fffd}' {
            controls += 1;
        }
    }
    characters > 0 && controls as f64 / characters as f64 > MAX_CONTROL_SHARE
}

/// The encoding a web page names in its first kilobyte: `<meta charset="…">` or a
/// `content="text/html; charset=…"`. encoding_rs decodes but leaves the prescan to browsers,
/// and no maintained crate offers one on its own; this reads only the label after `charset=`.
pub fn declared_charset(html: &[u8]) -> Option<&'static Encoding> {
    let head = &html[..html.len().min(1024)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let at = lower.windows(8).position(|window| window == b"charset=")? + 8;
    let label: Vec<u8> = lower[at..]
        .iter()
        .copied()
        .skip_while(|b| *b == b'"' || *b == b'\'')
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .collect();
    Encoding::for_label(&label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_in_windows_1251_is_guessed_and_said_to_be_guessed() {
        let text = "Игорь Мичурин, владелец компании «Ардис-Подшипник», познакомился с северокорейским дипломатом.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
        let (decoded, assumed) = decode_text(&bytes, None).unwrap();
        assert_eq!(decoded, text);
        assert_eq!(assumed, AssumedEncoding { name: "windows-1251", evidence: EncodingEvidence::Guessed });
        assert!(assumed.describe().contains("guessed"));
    }

    #[test]
    fn korean_in_euc_kr_is_guessed() {
        let text = "북한 기업들이 러시아에서 번창하고 있다고 동아일보가 보도했다. 대사관은 노동자들에게 돈을 걷는다.";
        let (bytes, _, _) = encoding_rs::EUC_KR.encode(text);
        let (decoded, assumed) = decode_text(&bytes, None).unwrap();
        assert_eq!(decoded, text);
        assert_eq!(assumed.name, "EUC-KR");
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_read_from_its_mark() {
        let text = "Reuters: Michurin said so.\r\nSecond line.";
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let (decoded, assumed) = decode_text(&bytes, None).unwrap();
        assert_eq!(decoded, "Reuters: Michurin said so.\nSecond line.");
        assert_eq!(assumed, AssumedEncoding { name: "UTF-16LE", evidence: EncodingEvidence::ByteOrderMark });
    }

    #[test]
    fn binary_bytes_are_refused() {
        let bytes: Vec<u8> = (0..=255_u8).cycle().take(4096).collect();
        assert!(matches!(decode_text(&bytes, None), Err(ExtractError::Binary)));
        assert!(matches!(decode_text(b"\x7fELF\x02\x01\x01\0\0\0", None), Err(ExtractError::Binary)));
    }

    #[test]
    fn a_page_s_charset_is_found_in_either_form() {
        assert_eq!(declared_charset(b"<html><head><meta charset=\"windows-1251\">"), Some(encoding_rs::WINDOWS_1251));
        let http_equiv = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\">";
        assert_eq!(declared_charset(http_equiv), Some(encoding_rs::EUC_KR));
        assert_eq!(declared_charset(b"<html><p>no label</p>"), None);
    }
}
