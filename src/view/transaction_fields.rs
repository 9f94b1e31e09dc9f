//! The fields the New node form adds for a transaction: the amount (exact, approximate or a
//! range) and its currency, the date and status, and who paid and who received, so a payment
//! and its payer and payee links are made in one dialog and one undo step.

use super::form_window::{date_field, entered, status_choice};
use super::link_form::{LinkEnd, node_picker};
use crate::document::Document;
use crate::model::{Amount, ClaimStatus, Currency, Link, LinkKind, NameIndex, Node, check_decimal};

/// What the analyst typed about a transaction.
#[derive(Default)]
pub struct TransactionFields {
    /// The amount, or the low end of a range.
    pub amount: String,
    /// The high end, for a range.
    pub max: String,
    /// The ISO 4217 code.
    pub currency: String,
    /// True when the source hedges ("around", "nearly").
    pub approximate: bool,
    /// When it was paid.
    pub date: String,
    /// How firmly the sources stand behind it.
    pub status: Option<ClaimStatus>,
    /// Who paid.
    pub payer: LinkEnd,
    /// Who received.
    pub payee: LinkEnd,
}

impl TransactionFields {
    /// The fields of the existing node `node` (its parties are links, edited on their own).
    pub fn of(node: &Node) -> Self {
        let amount = node.amount.as_ref();
        Self {
            amount: amount.map(|amount| amount.value.clone()).unwrap_or_default(),
            max: amount.and_then(|amount| amount.max.clone()).unwrap_or_default(),
            currency: amount.map(|amount| amount.currency.as_str().to_owned()).unwrap_or_default(),
            approximate: amount.is_some_and(|amount| amount.approximate),
            date: node.date.map(|date| date.to_string()).unwrap_or_default(),
            status: node.status,
            payer: LinkEnd::default(),
            payee: LinkEnd::default(),
        }
    }

    /// Puts the amount, date and status into `node`, or says what is wrong with them.
    pub fn fill(&self, node: &mut Node) -> Result<(), String> {
        node.amount = self.amount()?;
        node.date = date_field(&self.date, "The date")?;
        node.status = self.status;
        Ok(())
    }

    fn amount(&self) -> Result<Option<Amount>, String> {
        let value = plain_number(&self.amount);
        if value.is_empty() {
            return if self.max.trim().is_empty() {
                Ok(None)
            } else {
                Err("Give the low end of the range too.".into())
            };
        }
        check_decimal(&value).map_err(|error| format!("The amount: {error}."))?;
        let max = Some(plain_number(&self.max)).filter(|max| !max.is_empty());
        if let Some(max) = &max {
            check_decimal(max).map_err(|error| format!("The high end: {error}."))?;
        }
        let currency = Currency::parse(&self.currency.trim().to_ascii_uppercase())
            .map_err(|error| format!("The currency: {error}."))?;
        Ok(Some(Amount { value, max, currency, approximate: self.approximate }))
    }

    /// The payer and beneficiary links of the transaction `node`, for the ends chosen.
    pub fn links(&self, document: &Document, node: &Node) -> Result<Vec<Link>, String> {
        let nodes = &document.case().nodes;
        let mut links = Vec::new();
        for (end, kind, what) in
            [(&self.payer, LinkKind::Payer, "payer"), (&self.payee, LinkKind::Beneficiary, "payee")]
        {
            if end.node.is_none() && !end.typed.trim().is_empty() {
                return Err(format!("Choose the {what} from the names offered, or leave it empty."));
            }
            let Some(party) = end.node else { continue };
            let party = &nodes[party];
            let (source, target, words) = match kind {
                LinkKind::Payer => (&party.id, &node.id, format!("{} pays {}", party.label, node.label)),
                _ => (&node.id, &party.id, format!("{} receives {}", party.label, node.label)),
            };
            let id = document.fresh_id("l", &words);
            links.push(Link::new(id, kind, source.clone(), target.clone()));
        }
        Ok(links)
    }
}

/// "1,000" and "1 000" as the decimal "1000".
fn plain_number(text: &str) -> String {
    text.trim().chars().filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '\u{202f}')).collect()
}

/// Shows the fields, the parties only `with_parties`; returns true when Enter was pressed in
/// one of the plain fields.
pub fn show(
    ui: &mut egui::Ui,
    fields: &mut TransactionFields,
    names: &NameIndex,
    document: &Document,
    with_parties: bool,
) -> bool {
    let mut confirmed = false;
    ui.separator();
    ui.horizontal(|ui| {
        for (name, value, width) in [
            ("Amount", &mut fields.amount, 100.0),
            ("to (a range)", &mut fields.max, 80.0),
            ("Currency", &mut fields.currency, 60.0),
        ] {
            let label = ui.label(name);
            let field = ui.add(egui::TextEdit::singleline(value).desired_width(width)).labelled_by(label.id);
            confirmed |= entered(ui, &field);
        }
    });
    ui.checkbox(&mut fields.approximate, "Approximate (around, nearly, some)");
    let label = ui.label("Date (YYYY, YYYY-MM or YYYY-MM-DD)");
    let field = ui.add(egui::TextEdit::singleline(&mut fields.date).desired_width(120.0)).labelled_by(label.id);
    confirmed |= entered(ui, &field);
    status_choice(ui, &mut fields.status);
    if !with_parties {
        return confirmed;
    }
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| node_picker(ui, "Paid by", &mut fields.payer, names, document, false));
        ui.vertical(|ui| node_picker(ui, "Paid to", &mut fields.payee, names, document, false));
    });
    confirmed
}
