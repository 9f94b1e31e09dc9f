//! The decoder's reading of values: objects with their known keys, arrays, strings, ids,
//! dates, codes, numbers and vocabulary names, each reporting what is wrong where it is.

use super::keys::ObjectKeys;
use super::{Decoder, ObjectInfo, Read};
use crate::model::amount::check_decimal;
use crate::model::codes::{Country, Currency};
use crate::model::diagnostic::{Diagnostic, did_you_mean};
use crate::model::id::Id;
use crate::model::json_path::PathRef;
use crate::model::partial_date::PartialDate;
use crate::model::spanned_json::{Cursor, Next, Scanner};
use crate::model::vocabulary::Vocabulary;

impl Decoder<'_, '_> {
    pub(super) fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    pub(super) fn error(&mut self, path: &PathRef<'_>, offset: u32, message: impl Into<String>, help: Option<String>) {
        self.push(Diagnostic::error(message).at(path.to_path()).at_offset(offset).with_optional_help(help));
    }

    /// Reports that the value here is not what `expected` names, and reads past it.
    pub(super) fn type_error(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>, expected: &str) -> Read<()> {
        let offset = s.offset();
        let found = s.next()?.type_name();
        s.skip_value()?;
        self.error(path, offset, format!("expected {expected}, found {found}"), None);
        Ok(())
    }

    /// Reads an object whose keys are `K`'s, handing each key's value to `field`. Unknown and
    /// repeated keys are reported and skipped; `null` counts as absent.
    pub(super) fn object<'a, K: ObjectKeys>(
        &mut self,
        s: &mut Scanner<'a>,
        path: &PathRef<'_>,
        field: impl FnMut(&mut Self, &mut Scanner<'a>, K, &PathRef<'_>) -> Read<()>,
    ) -> Read<Option<ObjectInfo>> {
        let offset = s.offset();
        if s.next()? != Next::Object {
            self.type_error(s, path, "an object")?;
            return Ok(None);
        }
        let cursor = s.begin_object()?;
        self.members(s, path, ObjectInfo::new::<K>(offset), cursor, field).map(Some)
    }

    /// Reads the rest of an object from `cursor` on, as [`Decoder::object`] describes.
    pub(super) fn members<'a, K: ObjectKeys>(
        &mut self,
        s: &mut Scanner<'a>,
        path: &PathRef<'_>,
        mut info: ObjectInfo,
        mut cursor: Cursor,
        mut field: impl FnMut(&mut Self, &mut Scanner<'a>, K, &PathRef<'_>) -> Read<()>,
    ) -> Read<ObjectInfo> {
        while let Some((name, key_offset)) = s.next_key(&mut cursor)? {
            let key_path = path.key(&name);
            let Some(key) = K::from_name(&name) else {
                let help = match did_you_mean(&name, K::NAMES.iter().copied()) {
                    Some(near) => format!("did you mean `{near}`? Valid keys here: {}", K::NAMES.join(", ")),
                    None => format!("valid keys here: {}", K::NAMES.join(", ")),
                };
                self.error(&key_path, key_offset, format!("unknown key `{name}`"), Some(help));
                info.unknown.push(name.clone().into_owned());
                s.skip_value()?;
                continue;
            };
            if info.appeared(key) {
                self.error(
                    &key_path,
                    key_offset,
                    format!("key `{name}` appears twice in this object"),
                    Some("keep one of them; JSON readers disagree on which one wins".to_owned()),
                );
                s.skip_value()?;
                continue;
            }
            info.seen |= key.bit();
            info.key_offsets[key.slot()] = key_offset;
            if s.null()? {
                continue;
            }
            info.present |= key.bit();
            field(self, s, key, &key_path)?;
        }
        Ok(info)
    }

    /// Reports each required key of `K` that is absent.
    pub(super) fn require_all<K: ObjectKeys>(&mut self, info: &ObjectInfo, path: &PathRef<'_>) {
        if info.present & K::REQUIRED_MASK != K::REQUIRED_MASK {
            for key in K::required() {
                self.require(info, key, path);
            }
        }
    }

    /// Reports a required key that is absent, unless a misspelling of it was already reported.
    pub(super) fn require<K: ObjectKeys>(&mut self, info: &ObjectInfo, key: K, path: &PathRef<'_>) {
        let name = key.name();
        let misspelt = info.unknown.iter().any(|unknown| did_you_mean(unknown, [name]).is_some());
        if !info.has(key) && !misspelt {
            self.error(path, info.offset, format!("missing required key `{name}`"), None);
        }
    }

    /// Reads an array, handing each element to `element` with its index.
    pub(super) fn each_element<'a>(
        &mut self,
        s: &mut Scanner<'a>,
        path: &PathRef<'_>,
        element: impl FnMut(&mut Self, &mut Scanner<'a>, usize, &PathRef<'_>) -> Read<()>,
    ) -> Read<()> {
        if s.next()? != Next::Array {
            return self.type_error(s, path, "an array");
        }
        let cursor = s.begin_array()?;
        self.elements(s, path, cursor, element)
    }

    /// Reads the rest of an array from `cursor` on, numbering the elements from 0.
    pub(super) fn elements<'a>(
        &mut self,
        s: &mut Scanner<'a>,
        path: &PathRef<'_>,
        mut cursor: Cursor,
        mut element: impl FnMut(&mut Self, &mut Scanner<'a>, usize, &PathRef<'_>) -> Read<()>,
    ) -> Read<()> {
        let mut index = 0;
        while s.next_element(&mut cursor)? {
            element(self, s, index, &path.index(index))?;
            index += 1;
        }
        Ok(())
    }

    /// The decodable elements of an array.
    pub(super) fn list<'a, T>(
        &mut self,
        s: &mut Scanner<'a>,
        path: &PathRef<'_>,
        mut decode: impl FnMut(&mut Self, &mut Scanner<'a>, &PathRef<'_>) -> Read<Option<T>>,
    ) -> Read<Vec<T>> {
        let mut values = Vec::new();
        self.each_element(s, path, |d, s, _, p| {
            values.extend(decode(d, s, p)?);
            Ok(())
        })?;
        Ok(values)
    }

    /// The string here with its offset, or a type error naming `expected`.
    pub(super) fn string_token<'a>(
        &mut self,
        s: &mut Scanner<'a>,
        path: &PathRef<'_>,
        expected: &str,
    ) -> Read<Option<(std::borrow::Cow<'a, str>, u32)>> {
        if s.next()? != Next::String {
            self.type_error(s, path, expected)?;
            return Ok(None);
        }
        let offset = s.offset();
        Ok(Some((s.string()?, offset)))
    }

    pub(super) fn string(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<String>> {
        Ok(self.string_token(s, path, "a string")?.map(|(text, _)| text.into_owned()))
    }

    pub(super) fn text(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<String>> {
        let Some((text, offset)) = self.string_token(s, path, "a string")? else { return Ok(None) };
        if text.trim().is_empty() {
            self.error(path, offset, "this text is empty", Some("write the text, or remove the key".to_owned()));
        }
        Ok(Some(text.into_owned()))
    }

    pub(super) fn parsed<T, E: std::fmt::Display>(
        &mut self,
        s: &mut Scanner<'_>,
        path: &PathRef<'_>,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Read<Option<T>> {
        let Some((text, offset)) = self.string_token(s, path, "a string")? else { return Ok(None) };
        match parse(&text) {
            Ok(value) => Ok(Some(value)),
            Err(error) => {
                self.error(path, offset, error.to_string(), None);
                Ok(None)
            }
        }
    }

    pub(super) fn id(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<Id>> {
        let Some((text, offset)) = self.string_token(s, path, "a string")? else { return Ok(None) };
        if let Err(error) = Id::check(&text) {
            self.push(
                Diagnostic::error(format!("bad id {text:?}: {error}"))
                    .at(path.to_path())
                    .at_offset(offset)
                    .with_help("ids follow the FollowTheMoney rule, e.g. \"p-igor-michurin\""),
            );
        }
        Ok(Some(Id::unchecked(&text)))
    }

    pub(super) fn date(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<PartialDate>> {
        self.parsed(s, path, PartialDate::parse)
    }

    pub(super) fn country(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<Country>> {
        self.parsed(s, path, Country::parse)
    }

    pub(super) fn currency(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<Currency>> {
        self.parsed(s, path, Currency::parse)
    }

    pub(super) fn decimal(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<String>> {
        if s.next()? == Next::Number {
            let offset = s.offset();
            let number = s.number()?;
            let help = format!("write the amount as a string, \"{number}\", so it keeps every digit");
            self.error(path, offset, "amounts are decimal strings, not numbers", Some(help));
            return Ok(None);
        }
        self.parsed(s, path, |text| check_decimal(text).map(|()| text.to_owned()))
    }

    /// One of the names of vocabulary `T`, or an error listing them.
    pub(super) fn vocabulary<T: Vocabulary>(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<T>> {
        if s.next()? == Next::Number {
            // Grades such as credibility `"2"` look like numbers; say how to write them.
            let offset = s.offset();
            let number = s.number()?.to_owned();
            let help = if T::from_name(&number).is_some() {
                format!("write it as a string: \"{number}\"")
            } else {
                format!("valid values: {}", T::names().join(", "))
            };
            self.error(path, offset, format!("{} is written as a string, not a number", T::WHAT), Some(help));
            return Ok(None);
        }
        if s.next()? != Next::String {
            // Worded only when wrong: names are read for every node and link.
            let article = if T::WHAT.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
            self.type_error(s, path, &format!("{article} {} name", T::WHAT))?;
            return Ok(None);
        }
        let offset = s.offset();
        let text = s.string()?;
        if let Some(value) = T::from_name(&text) {
            return Ok(Some(value));
        }
        let names = T::names();
        // A one-letter grade is near every other; only longer names get a suggestion.
        let near = (text.chars().count() > 1)
            .then(|| did_you_mean(&text, names.iter().copied()))
            .flatten()
            .map(|near| format!("did you mean `{near}`? "));
        self.error(
            path,
            offset,
            format!("unknown {} `{text}`", T::WHAT),
            Some(format!("{}valid values: {}", near.unwrap_or_default(), names.join(", "))),
        );
        Ok(None)
    }

    pub(super) fn number(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<f64>> {
        if s.next()? != Next::Number {
            self.type_error(s, path, "a number")?;
            return Ok(None);
        }
        let offset = s.offset();
        let text = s.number()?;
        let value: f64 = text.parse().unwrap_or(f64::INFINITY);
        if !value.is_finite() {
            self.error(path, offset, format!("{text} is too large to be a finite number"), None);
            return Ok(None);
        }
        Ok(Some(value))
    }

    pub(super) fn whole_number(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<u64>> {
        if s.next()? != Next::Number {
            self.type_error(s, path, "a whole number")?;
            return Ok(None);
        }
        let offset = s.offset();
        let text = s.number()?;
        let parsed = text.parse::<u64>().ok();
        if parsed.is_none() {
            self.error(path, offset, format!("{text} is not a whole number from 0 to {}", u64::MAX), None);
        }
        Ok(parsed)
    }

    pub(super) fn boolean(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<bool>> {
        if s.next()? != Next::Bool {
            self.type_error(s, path, "true or false")?;
            return Ok(None);
        }
        Ok(Some(s.boolean()?))
    }
}
