//! The list of what loading warned about (claims no quote supports, quotes not found in
//! their documents), each naming the item it is about and selecting it when clicked.

use super::command::{Command, Selection};
use super::open_case::OpenCase;
use crate::model::ItemRef;

/// Shows the warnings window; returns the commands its entries ask for.
pub fn show(ctx: &egui::Context, open: &OpenCase) -> Vec<Command> {
    let mut commands = Vec::new();
    let mut still_open = true;
    let warnings = open.document.warnings();
    egui::Window::new(format!("Warnings ({})", warnings.len())).open(&mut still_open).default_width(420.0).show(
        ctx,
        |ui| {
            if warnings.is_empty() {
                ui.label("The case has no warnings.");
            }
            egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                for warning in warnings {
                    let target = warning.id.as_deref().and_then(|id| open.document.graph().resolve(id));
                    let text = match &warning.help {
                        Some(help) => format!("{}\n{help}", warning.message),
                        None => warning.message.clone(),
                    };
                    match target {
                        Some(ItemRef::Node(node)) => {
                            if ui.link(text).clicked() {
                                commands.push(Command::FocusNode(node));
                            }
                        }
                        Some(ItemRef::Link(link)) => {
                            if ui.link(text).clicked() {
                                commands.push(Command::Select(Selection::Link(link)));
                            }
                        }
                        _ => {
                            ui.label(text);
                        }
                    }
                    ui.separator();
                }
            });
        },
    );
    if !still_open {
        commands.push(Command::ToggleWarnings);
    }
    commands
}
