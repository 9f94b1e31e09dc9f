//! Text put into XML: escaped by quick-xml, and without the control characters XML 1.0 cannot
//! hold at all (a form feed from a PDF, a stray NUL).

use std::borrow::Cow;

/// `text` escaped for an element's content or an attribute's value.
pub(crate) fn escaped(text: &str) -> Cow<'_, str> {
    let allowed = |c: char| !c.is_control() || matches!(c, '\t' | '\n' | '\r');
    if text.chars().all(allowed) {
        quick_xml::escape::escape(text)
    } else {
        let cleaned: String = text.chars().map(|c| if allowed(c) { c } else { ' ' }).collect();
        Cow::Owned(quick_xml::escape::escape(cleaned.as_str()).into_owned())
    }
}

/// ` name="value"`, the value escaped, its line breaks and tabs as character references so
/// that readers do not turn them into spaces.
pub(crate) fn attribute(name: &str, value: &str) -> String {
    let value = escaped(value);
    if value.contains(['\n', '\r', '\t']) {
        let value = value.replace('\n', "&#10;").replace('\r', "&#13;").replace('\t', "&#9;");
        format!(" {name}=\"{value}\"")
    } else {
        format!(" {name}=\"{value}\"")
    }
}

/// Appends a formatted line; writing into a `String` cannot fail.
pub(crate) fn push_line(text: &mut String, line: std::fmt::Arguments<'_>) {
    let _: std::fmt::Result = std::fmt::Write::write_fmt(text, line);
    text.push('\n');
}
