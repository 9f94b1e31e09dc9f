//! The top level of a case file: `format` and `version` checked first, the case's facts, and
//! the four collections, taking the second thread's reading where it can.

use super::keys::{CaseKey, TopKey};
use super::{Collection, Decoder, FileIndices, ObjectInfo, Read, TopLevel};
use crate::model::case::{Case, CaseInfo, FORMAT_NAME, FORMAT_VERSION};
use crate::model::diagnostic::{Diagnostic, did_you_mean};
use crate::model::json_path::PathRef;
use crate::model::spanned_json::{Next, Scanner};

impl Decoder<'_, '_> {
    pub(super) fn case(&mut self, s: &mut Scanner<'_>) -> Read<(Case, FileIndices)> {
        let root = PathRef::Root;
        let start = self.diagnostics.len();
        let offset = s.offset();
        if s.next()? != Next::Object {
            let found = s.next()?.type_name();
            s.skip_value()?;
            self.error(&root, offset, format!("a case file is a JSON object, but this file holds {found}"), None);
            return Ok(Default::default());
        }
        let mut parts = TopLevel::default();
        let object = self.object(s, &root, |d, s, key, p| d.top_level_member(s, key, p, &mut parts))?;
        let Some(mut object) = object else { return Ok(Default::default()) };
        if let Some(later) = self.split.as_mut().and_then(|split| split.later_keys.take()) {
            self.split_conflict |= !object.absorb(later);
        }
        // In a file of another kind or a newer version, unknown keys are expected and listing
        // them would bury the one message that matters: report format and version alone.
        if let Some(problem) = self.format_and_version(&object, parts.format.take(), parts.version.take()) {
            self.diagnostics.truncate(start);
            self.diagnostics.extend(problem);
            return Ok(Default::default());
        }
        self.require(&object, TopKey::Case, &root);
        Ok(parts.into_case())
    }

    /// Reads the value of one top-level key into `parts`.
    pub(super) fn top_level_member(
        &mut self,
        s: &mut Scanner<'_>,
        key: TopKey,
        p: &PathRef<'_>,
        parts: &mut TopLevel,
    ) -> Read<()> {
        match key {
            TopKey::Format => {
                let offset = s.offset();
                let name = if s.next()? == Next::String { Some(s.string()?.into_owned()) } else { None };
                if name.is_none() {
                    s.skip_value()?;
                }
                parts.format = Some((offset, name));
            }
            TopKey::Version => {
                let offset = s.offset();
                let before = self.diagnostics.len();
                let value = self.whole_number(s, p)?;
                parts.version = Some((offset, value, self.diagnostics.split_off(before)));
            }
            TopKey::Case => parts.info = self.case_info(s, p)?,
            TopKey::Nodes => self.collection(s, p, Collection::Nodes, parts, TopLevel::nodes, Self::node)?,
            TopKey::Links => self.collection(s, p, Collection::Links, parts, TopLevel::links, Self::link)?,
            TopKey::Sources => self.collection(s, p, Collection::Sources, parts, TopLevel::sources, Self::source)?,
            TopKey::Quotes => self.collection(s, p, Collection::Quotes, parts, TopLevel::quotes, Self::quote)?,
            TopKey::Reviews => parts.reviews = self.list(s, p, Self::review)?,
            TopKey::Layout => parts.layout = self.layout(s, p)?,
            TopKey::View => parts.view = self.view(s, p)?,
            TopKey::Story => parts.story = self.story(s, p)?,
        }
        Ok(())
    }

    /// Reads one of the four collections into its place in `parts`, with each item's index
    /// in the file. Where the other thread has read the rest of the file from the element
    /// here on, its items and the top-level values after them are taken instead of reading on.
    fn collection<'a, T>(
        &mut self,
        s: &mut Scanner<'a>,
        path: &PathRef<'_>,
        collection: Collection,
        parts: &mut TopLevel,
        place: fn(&mut TopLevel) -> (&mut Vec<T>, &mut Vec<usize>),
        mut decode: impl FnMut(&mut Self, &mut Scanner<'a>, &PathRef<'_>) -> Read<Option<T>>,
    ) -> Read<()> {
        let (mut values, mut indices) = (Vec::new(), Vec::new());
        let mut rest = None;
        self.each_element(s, path, |d, s, index, p| {
            if let Some(mut tail) = d.split.as_mut().and_then(|split| split.rest_from(s.offset(), collection)) {
                let (tail_values, tail_indices) = place(&mut tail.parts);
                values.append(tail_values);
                indices.extend(tail_indices.iter().map(|tail_index| index + tail_index));
                // Let this array end here; its closing bracket is where the other thread left it.
                s.seek(tail.array_close);
                rest = Some(tail);
            } else if let Some(value) = decode(d, s, p)? {
                values.push(value);
                indices.push(index);
            }
            Ok(())
        })?;
        let (kept_values, kept_indices) = place(parts);
        (*kept_values, *kept_indices) = (values, indices);
        if let Some(tail) = rest {
            parts.take_keys(tail.parts, tail.later_keys.seen);
            // And the top-level object ends where the other thread finished it.
            s.seek(tail.object_close);
            if let Some(split) = &mut self.split {
                split.later_keys = Some(tail.later_keys);
            }
        }
        Ok(())
    }

    /// What is wrong with `format` and `version`, if anything; then nothing else is reported.
    fn format_and_version(
        &self,
        object: &ObjectInfo,
        format: Option<(u32, Option<String>)>,
        version: Option<(u32, Option<u64>, Vec<Diagnostic>)>,
    ) -> Option<Vec<Diagnostic>> {
        let root = PathRef::Root;
        let error = |path: &PathRef<'_>, offset: u32, message: String, help: Option<&str>| {
            let diagnostic = Diagnostic::error(message).at(path.to_path()).at_offset(offset);
            Some(vec![diagnostic.with_optional_help(help.map(str::to_owned))])
        };
        match format {
            Some((_, Some(name))) if name == FORMAT_NAME => {}
            Some((offset, _)) => {
                let message = format!("this is not a casegraph case file (`format` must be \"{FORMAT_NAME}\")");
                return error(&root.key("format"), offset, message, None);
            }
            None => {
                let foreign = object.unknown.iter().any(|key| key == "entities" || key == "schema");
                let help = if foreign {
                    "this looks like a FollowTheMoney or Aleph file; casegraph cannot open those directly"
                } else {
                    "a case file starts with \"format\": \"casegraph\", \"version\": 1"
                };
                let message = "missing `format`: this is not a casegraph case file".to_owned();
                return error(&root, object.offset, message, Some(help));
            }
        }
        let version_path = root.key("version");
        match version {
            None => {
                let misspelt = object.unknown.iter().find(|key| did_you_mean(key, ["version"]).is_some());
                let help = misspelt.map(|key| format!("is `{key}` meant to be `version`?"));
                error(&root, object.offset, "missing required key `version`".to_owned(), help.as_deref())
            }
            Some((_, None, errors)) => Some(errors),
            Some((offset, Some(version), _)) if version > u64::from(FORMAT_VERSION) => error(
                &version_path,
                offset,
                format!(
                    "this file has format version {version}, written by a newer casegraph; this build reads version {FORMAT_VERSION}"
                ),
                Some("update casegraph to open it"),
            ),
            Some((offset, Some(0), _)) => error(&version_path, offset, "format versions start at 1".to_owned(), None),
            Some(_) => None,
        }
    }

    fn case_info(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<CaseInfo> {
        let mut info = CaseInfo::default();
        let object = self.object(s, path, |d, s, key, p| {
            match key {
                CaseKey::Title => info.title = d.text(s, p)?.unwrap_or_default(),
                CaseKey::Summary => info.summary = d.string(s, p)?,
                CaseKey::Language => info.language = d.language(s, p)?,
                CaseKey::Created => info.created = d.date(s, p)?,
                CaseKey::Updated => info.updated = d.date(s, p)?,
            }
            Ok(())
        })?;
        if let Some(object) = object {
            self.require_all::<CaseKey>(&object, path);
        }
        Ok(info)
    }

    fn language(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<String>> {
        self.parsed(s, path, |text| {
            let mut parts = text.split('-');
            let primary = parts.next().unwrap_or_default();
            let primary_ok = (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase());
            let rest_ok =
                parts.all(|part| (2..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric()));
            if primary_ok && rest_ok {
                Ok(text.to_owned())
            } else {
                Err(format!("{text:?} is not a language tag; write a BCP 47 tag such as \"en\", \"ru\" or \"ko\""))
            }
        })
    }
}
