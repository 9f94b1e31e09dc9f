//! The scanner against serde_json, and its messages for common mistakes.

use super::*;

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
