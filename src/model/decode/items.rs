//! The items of a case: nodes (with a transaction's amount), links, sources, quotes and review marks.

use super::Decoder;
use super::Read;
use super::keys::{
    AmountKey, LinkKey, NodeKey, ObjectKeys, OriginKey, QuoteKey, ReviewKey, SourceKey, TRANSACTION_ONLY,
};
use crate::model::amount::Amount;
use crate::model::case::{Link, Node, Quote, Review, Source, check_web_address};
use crate::model::id::Id;
use crate::model::json_path::PathRef;
use crate::model::link_kind::LinkKind;
use crate::model::node_kind::NodeKind;
use crate::model::origin::Origin;
use crate::model::spanned_json::Scanner;

impl Decoder<'_, '_> {
    pub(super) fn node(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<Node>> {
        let (mut id, mut kind, mut label) = (None, None, None);
        let mut node = Node::new(Id::unchecked(""), NodeKind::Organization, String::new());
        let object = self.object(s, path, |d, s, key, p| {
            match key {
                NodeKey::Id => id = d.id(s, p)?,
                NodeKey::Kind => kind = d.vocabulary::<NodeKind>(s, p)?,
                NodeKey::Label => label = d.text(s, p)?,
                NodeKey::Aliases => node.aliases = d.list(s, p, Self::text)?,
                NodeKey::Countries => node.countries = d.list(s, p, Self::country)?,
                NodeKey::Description => node.description = d.string(s, p)?,
                NodeKey::StartDate => node.start_date = d.date(s, p)?,
                NodeKey::EndDate => node.end_date = d.date(s, p)?,
                NodeKey::Date => node.date = d.date(s, p)?,
                NodeKey::Amount => node.amount = d.amount(s, p)?,
                NodeKey::Status => node.status = d.vocabulary(s, p)?,
                NodeKey::Origin => node.origin = d.origin(s, p)?,
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        self.require_all::<NodeKey>(&object, path);
        if let Some(kind) = kind
            && kind != NodeKind::Transaction
        {
            for key in TRANSACTION_ONLY.into_iter().filter(|&key| object.appeared(key)) {
                let name = key.name();
                self.error(
                    &path.key(name),
                    object.key_offset(key),
                    format!("`{name}` is only for transactions, and this node is a {}", kind.as_str()),
                    Some("use `start_date`/`end_date` for other kinds, or put the claim on a link".to_owned()),
                );
            }
        }
        let Some(id) = id else { return Ok(None) };
        node.label = label.unwrap_or_else(|| id.to_string());
        node.id = id;
        node.kind = kind.unwrap_or(NodeKind::Organization);
        Ok(Some(node))
    }

    fn amount(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<Amount>> {
        let (mut value, mut max, mut currency, mut approximate) = (None, None, None, None);
        let object = self.object(s, path, |d, s, key, p| {
            match key {
                AmountKey::Value => value = d.decimal(s, p)?,
                AmountKey::Max => max = d.decimal(s, p)?,
                AmountKey::Currency => currency = d.currency(s, p)?,
                AmountKey::Approximate => approximate = d.boolean(s, p)?,
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        self.require_all::<AmountKey>(&object, path);
        let (Some(value), Some(currency)) = (value, currency) else { return Ok(None) };
        Ok(Some(Amount { value, max, currency, approximate: approximate.unwrap_or(false) }))
    }

    pub(super) fn link(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<Link>> {
        let (mut id, mut kind, mut source, mut target) = (None, None, None, None);
        let mut link = Link::new(Id::unchecked(""), LinkKind::Unknown, Id::unchecked(""), Id::unchecked(""));
        let object = self.object(s, path, |d, s, key, p| {
            match key {
                LinkKey::Id => id = d.id(s, p)?,
                LinkKey::Kind => kind = d.vocabulary(s, p)?,
                LinkKey::Source => source = d.id(s, p)?,
                LinkKey::Target => target = d.id(s, p)?,
                LinkKey::Role => link.role = d.text(s, p)?,
                LinkKey::Date => link.date = d.date(s, p)?,
                LinkKey::StartDate => link.start_date = d.date(s, p)?,
                LinkKey::EndDate => link.end_date = d.date(s, p)?,
                LinkKey::Status => link.status = d.vocabulary(s, p)?,
                LinkKey::Description => link.description = d.string(s, p)?,
                LinkKey::Origin => link.origin = d.origin(s, p)?,
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        self.require_all::<LinkKey>(&object, path);
        let (Some(id), Some(source), Some(target)) = (id, source, target) else { return Ok(None) };
        link.id = id;
        link.kind = kind.unwrap_or(LinkKind::Unknown);
        link.source = source;
        link.target = target;
        Ok(Some(link))
    }

    pub(super) fn source(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<Source>> {
        let mut id = None;
        let mut source = Source::new(Id::unchecked(""), String::new(), String::new());
        let object = self.object(s, path, |d, s, key, p| {
            match key {
                SourceKey::Id => id = d.id(s, p)?,
                SourceKey::Publisher => source.publisher = d.text(s, p)?.unwrap_or_default(),
                SourceKey::Title => source.title = d.text(s, p)?.unwrap_or_default(),
                SourceKey::Date => source.date = d.date(s, p)?,
                SourceKey::Authors => source.authors = d.list(s, p, Self::text)?,
                SourceKey::Url => source.url = d.url(s, p)?,
                SourceKey::Document => source.document = d.document_path(s, p)?,
                SourceKey::Original => source.original = d.document_path(s, p)?,
                SourceKey::Reliability => source.reliability = d.vocabulary(s, p)?,
                SourceKey::ReliabilityReason => source.reliability_reason = d.text(s, p)?,
                SourceKey::Repeats => source.repeats = d.id(s, p)?,
                SourceKey::Origin => source.origin = d.origin(s, p)?,
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        self.require_all::<SourceKey>(&object, path);
        let Some(id) = id else { return Ok(None) };
        source.id = id;
        Ok(Some(source))
    }

    fn origin(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<Origin>> {
        let (mut format, mut file, mut reference) = (None, None, None);
        let object = self.object(s, path, |d, s, key, p| {
            match key {
                OriginKey::Format => format = d.vocabulary(s, p)?,
                OriginKey::File => file = d.text(s, p)?,
                OriginKey::Ref => reference = d.text(s, p)?,
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        self.require_all::<OriginKey>(&object, path);
        let (Some(format), Some(file), Some(reference)) = (format, file, reference) else { return Ok(None) };
        Ok(Some(Origin { format, file, reference }))
    }

    fn url(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<String>> {
        self.parsed(s, path, |text| check_web_address(text).map(|()| text.to_owned()))
    }

    fn document_path(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<String>> {
        self.parsed(s, path, |text| {
            let absolute = text.starts_with('/') || text.starts_with('\\') || text.get(1..2) == Some(":");
            if text.is_empty() || absolute {
                Err(format!("{text:?} must be a path relative to the case file, such as \"sources/article.txt\""))
            } else {
                Ok(text.to_owned())
            }
        })
    }

    pub(super) fn quote(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<Quote>> {
        let (mut id, mut source, mut text, mut supports) = (None, None, None, None);
        let (mut locator, mut credibility, mut stance) = (None, None, None);
        let object = self.object(s, path, |d, s, key, p| {
            match key {
                QuoteKey::Id => id = d.id(s, p)?,
                QuoteKey::Source => source = d.id(s, p)?,
                QuoteKey::Text => text = d.text(s, p)?,
                QuoteKey::Supports => supports = Some(d.list(s, p, Self::id)?),
                QuoteKey::Locator => locator = d.text(s, p)?,
                QuoteKey::Credibility => credibility = d.vocabulary(s, p)?,
                QuoteKey::Stance => stance = d.vocabulary(s, p)?,
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        self.require_all::<QuoteKey>(&object, path);
        let (Some(id), Some(source), Some(supports)) = (id, source, supports) else { return Ok(None) };
        Ok(Some(Quote { id, source, text: text.unwrap_or_default(), supports, locator, credibility, stance }))
    }

    pub(super) fn review(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<Review>> {
        let (mut item, mut by, mut date, mut note, mut fingerprint) = (None, None, None, None, None);
        let object = self.object(s, path, |d, s, key, p| {
            match key {
                ReviewKey::Item => item = d.id(s, p)?,
                ReviewKey::By => by = d.text(s, p)?,
                ReviewKey::Date => date = d.date(s, p)?,
                ReviewKey::Note => note = d.text(s, p)?,
                ReviewKey::Fingerprint => fingerprint = d.text(s, p)?,
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        self.require_all::<ReviewKey>(&object, path);
        let (Some(item), Some(by), Some(fingerprint)) = (item, by, fingerprint) else { return Ok(None) };
        Ok(Some(Review { item, by, date, note, fingerprint }))
    }
}
