//! The legend in the canvas corner: the kinds and line styles present in the case, each
//! kind with a box that shows or hides it.

use egui::{Sense, Stroke, Vec2, vec2};

use super::canvas::{color, paint_shape};
use super::command::Command;
use super::open_case::OpenCase;
use crate::model::NodeKind;
use crate::theme::{self, LinePattern};

/// Shows the legend over the bottom-left corner of the window.
pub fn show(ctx: &egui::Context, open: &OpenCase) -> Vec<Command> {
    let mut commands = Vec::new();
    let kinds: Vec<NodeKind> =
        NodeKind::ALL.into_iter().filter(|kind| open.case.nodes.iter().any(|node| node.kind == *kind)).collect();
    let patterns: Vec<LinePattern> = [LinePattern::Solid, LinePattern::Dashed]
        .into_iter()
        .filter(|pattern| open.case.links.iter().any(|link| LinePattern::for_status(link.status) == *pattern))
        .collect();
    egui::Area::new(egui::Id::unique("casegraph-legend")).anchor(egui::Align2::LEFT_BOTTOM, vec2(12.0, -12.0)).show(
        ctx,
        |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                egui::CollapsingHeader::new(egui::RichText::new("Legend").strong()).default_open(true).show(ui, |ui| {
                    for kind in kinds {
                        let style = theme::kind_style(kind);
                        ui.horizontal(|ui| {
                            let (rect, _) = ui.allocate_exact_size(Vec2::splat(18.0), Sense::hover());
                            let outline = Stroke::new(theme::NODE_OUTLINE_WIDTH, color(theme::NODE_OUTLINE));
                            paint_shape(ui.painter(), style.shape, rect.center(), 7.0, color(style.fill), outline);
                            let mut shown = !open.hidden_kinds.contains(&kind);
                            let count = open.case.nodes.iter().filter(|node| node.kind == kind).count();
                            if ui.checkbox(&mut shown, format!("{} ({count})", style.legend)).changed() {
                                commands.push(Command::ToggleKind(kind));
                            }
                        });
                    }
                    for pattern in patterns {
                        ui.horizontal(|ui| {
                            let (rect, _) = ui.allocate_exact_size(vec2(28.0, 12.0), Sense::hover());
                            let line = [rect.left_center(), rect.right_center()];
                            let stroke = Stroke::new(theme::LINK_WIDTH, color(theme::LINK));
                            match pattern {
                                LinePattern::Solid => {
                                    ui.painter().line_segment(line, stroke);
                                }
                                LinePattern::Dashed => {
                                    ui.painter().extend(egui::Shape::dashed_line(&line, stroke, 4.0, 3.0));
                                }
                            }
                            ui.label(pattern.legend());
                        });
                    }
                    ui.horizontal(|ui| {
                        let (rect, _) = ui.allocate_exact_size(vec2(28.0, 12.0), Sense::hover());
                        ui.painter().circle_filled(rect.center(), 5.0, color(theme::UNSUPPORTED));
                        ui.painter().text(
                            rect.center(),
                            egui::Align2::CENTER_CENTER,
                            "!",
                            egui::FontId::proportional(8.0),
                            egui::Color32::WHITE,
                        );
                        ui.label("No quote supports it");
                    });
                    ui.horizontal(|ui| {
                        let (rect, _) = ui.allocate_exact_size(vec2(28.0, 12.0), Sense::hover());
                        ui.painter().circle_filled(rect.center(), 3.5, color(theme::PIN));
                        ui.label("Pinned in place");
                    });
                });
            });
        },
    );
    commands
}
