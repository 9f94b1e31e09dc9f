//! File → Import…: what a file gave before anything joins the case. How each spreadsheet
//! column maps, what was mapped and left out, which records failed and why, quotes not found
//! word for word in their source, and what joining adds; Import joins it as one undo step.

use super::form_window::form_window;
use crate::exchange::{Imported, MergePlan, SheetMapping};
use crate::model::counted;

/// An import read and planned, waiting for the analyst's word.
pub struct ImportPreview {
    /// What the file gave, with the report.
    pub imported: Imported,
    /// How each spreadsheet was read (empty for other formats).
    pub sheets: Vec<SheetMapping>,
    /// What joining adds to and changes in the case.
    pub plan: MergePlan,
    /// New quotes not found word for word in their source's local copy, each with why.
    pub unverified: Vec<String>,
    /// The case's facts revision the plan was made against: if the case changes while the
    /// preview is open, the plan is made again before joining.
    pub planned_at: u64,
}

impl ImportPreview {
    /// What joining adds, in words.
    pub fn adds(&self) -> String {
        let plan = &self.plan;
        format!(
            "Adds {}, {}, {} and {}; {} already in the case ({} of them told more).",
            counted(plan.nodes.len(), "node"),
            counted(plan.links.len(), "link"),
            counted(plan.sources.len(), "source"),
            counted(plan.quotes.len(), "quote"),
            counted(plan.matched, "item"),
            plan.node_updates.len() + plan.quote_updates.len(),
        )
    }
}

/// What the analyst asked of the preview this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportAnswer {
    /// Join the import to the case.
    Import,
    /// Close without changing anything.
    Cancel,
}

/// The lines a list shows before it says how many more there are.
const LINES_SHOWN: usize = 200;

fn sheet_table(ui: &mut egui::Ui, sheet: &SheetMapping) {
    ui.strong(format!(
        "{}: {} ({}, fields split by {:?})",
        sheet.file,
        counted(sheet.rows, "row"),
        sheet.encoding,
        sheet.separator
    ));
    egui::Grid::new(("import columns", sheet.file.as_str())).striped(true).show(ui, |ui| {
        ui.label("Column");
        ui.label("Becomes");
        ui.end_row();
        for (header, column) in &sheet.headers {
            ui.label(header);
            match column {
                Some(column) => ui.label(column.header()),
                None => ui.weak("not imported"),
            };
            ui.end_row();
        }
    });
}

fn lines(ui: &mut egui::Ui, title: &str, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    ui.strong(title);
    for line in lines.iter().take(LINES_SHOWN) {
        ui.label(line);
    }
    if lines.len() > LINES_SHOWN {
        ui.weak(format!("… and {} more", lines.len() - LINES_SHOWN));
    }
}

/// Shows the preview; returns the analyst's answer, if any this frame.
pub fn show(ctx: &egui::Context, preview: &ImportPreview) -> Option<ImportAnswer> {
    let report = &preview.imported.report;
    let title = format!("Import {}", report.file);
    form_window(ctx, &title, None, ("Import", ImportAnswer::Import), ImportAnswer::Cancel, |ui| {
        ui.label(format!("Read as {}.", report.format.title()));
        ui.label(preview.adds());
        egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
            for sheet in &preview.sheets {
                sheet_table(ui, sheet);
            }
            let counted_lines = |entries: &std::collections::BTreeMap<String, usize>| -> Vec<String> {
                entries.iter().map(|(what, count)| format!("{what}: {count}")).collect()
            };
            lines(ui, "Mapped", &counted_lines(&report.mapped));
            lines(ui, "Not imported", &counted_lines(&report.not_imported));
            lines(ui, &format!("Failed ({})", report.problems.len()), &report.problems);
            lines(ui, "Quotes not found word for word in their source", &preview.unverified);
        });
        ui.weak("Imported items keep where they came from, and show as unquoted in the review until you add quotes.");
        None
    })
}
