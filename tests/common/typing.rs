//! Typing into the app's fields in kittest tests.

use casegraph::view::CaseApp;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Empties the field labelled `field` and types `text` into it.
pub fn type_into(harness: &mut Harness<'_, CaseApp>, field: &str, text: &str) {
    harness.get_by_label(field).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_label(field).type_text(text);
    harness.run();
}
