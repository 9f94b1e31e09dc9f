//! The legend under the canvas: the kinds and line styles present in the case, each
//! kind with a box that shows or hides it.

use egui::{Sense, Stroke, Vec2, vec2};

use super::command::Command;
use super::marks::{color, paint_icon, paint_pin_mark, paint_shape, paint_support_badge, paint_unsupported_mark};
use super::open_case::OpenCase;
use crate::model::NodeKind;
use crate::theme::{self, LinePattern};

/// Shows the legend as one wrapped strip: kinds first (each with its show/hide box), then
/// line styles and marks. It sits under the canvas rather than over it, so it never hides a
/// node and fitting the case to the window uses all the space left.
pub fn show(ui: &mut egui::Ui, open: &OpenCase) -> Vec<Command> {
    let mut commands = Vec::new();
    let kinds: Vec<NodeKind> = NodeKind::ALL
        .into_iter()
        .filter(|kind| open.document.case().nodes.iter().any(|node| node.kind == *kind))
        .collect();
    let patterns: Vec<LinePattern> = [LinePattern::Solid, LinePattern::Dashed]
        .into_iter()
        .filter(|pattern| {
            open.document.case().links.iter().any(|link| LinePattern::for_status(link.status) == *pattern)
        })
        .collect();
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        for kind in kinds {
            let style = theme::kind_style(kind);
            let (rect, _) = ui.allocate_exact_size(Vec2::splat(18.0), Sense::hover());
            let outline = Stroke::new(theme::NODE_OUTLINE_WIDTH, color(theme::NODE_OUTLINE));
            paint_shape(ui.painter(), style.shape, rect.center(), 8.0, color(style.fill), outline);
            paint_icon(ui.painter(), kind, style.shape, rect.center(), 8.0, color(theme::ICON));
            let mut shown = !open.document.hidden_kinds().contains(&kind);
            let count = open.document.case().nodes.iter().filter(|node| node.kind == kind).count();
            if ui.checkbox(&mut shown, format!("{} ({count})", style.legend)).changed() {
                commands.push(Command::ToggleKind(kind));
            }
            ui.add_space(6.0);
        }
        ui.end_row();
        for pattern in patterns {
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
            ui.add_space(6.0);
        }
        let (rect, _) = ui.allocate_exact_size(vec2(28.0, 12.0), Sense::hover());
        let heavy = Stroke::new(theme::CORROBORATED_LINK_WIDTH, color(theme::LINK));
        ui.painter().line_segment([rect.left_center(), rect.right_center()], heavy);
        ui.label("Two or more independent sources");
        ui.add_space(6.0);
        let (rect, _) = ui.allocate_exact_size(vec2(16.0, 16.0), Sense::hover());
        paint_support_badge(ui.painter(), rect.center(), 2);
        ui.label("Independent sources (on hover)");
        ui.add_space(6.0);
        let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
        paint_unsupported_mark(ui.painter(), rect.center(), false);
        ui.label("No quote supports it");
        ui.add_space(6.0);
        let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
        paint_pin_mark(ui.painter(), rect.center(), false, false);
        ui.label("Pinned in place");
    });
    commands
}
