//! The timeline under the canvas: every dated node and link along one time axis (a partial
//! date drawn as its whole span, paler), the undated counted; dragging across it (or typing
//! From and To) brushes a period, and what lies outside is dimmed or hidden on the canvas; Play
//! moves the period through time. Clicking a bar selects its item; the selected item is
//! outlined.

use egui::{Align2, FontId, Rect, Sense, Stroke, pos2, vec2};

use super::command::{Command, Selection};
use super::marks::{color, faded};
use super::open_case::OpenCase;
use crate::model::{
    DaySpan, ItemRef, OutsidePeriod, PartialDate, Presence, Timeline, claim_sentence, counted, date_of_day, day_number,
};
use crate::theme;

/// The most lanes of bars drawn; past that, bars share lanes.
const MAX_LANES: usize = 12;
/// How long Play takes to cross the whole timeline, in seconds.
const PLAY_SECONDS: f64 = 12.0;
/// The share of the timeline Play's period covers when none was brushed.
const PLAY_WINDOW_SHARE: f64 = 0.2;

/// What the timeline keeps between frames.
#[derive(Debug, Default)]
pub struct TimelineState {
    /// The timeline of the facts at `made_for`, and each entry's lane.
    timeline: Timeline,
    lanes: Vec<usize>,
    made_for: Option<u64>,
    /// The period's ends as typed.
    pub from_text: String,
    /// See `from_text`.
    pub to_text: String,
    /// The day a brushing drag started on.
    drag_from_day: Option<i32>,
    /// Whether Play is moving the period.
    pub playing: bool,
}

impl TimelineState {
    fn refresh(&mut self, open: &OpenCase) {
        let revision = open.document.facts_revision();
        if self.made_for != Some(revision) {
            self.timeline = Timeline::of(open.document.case());
            self.lanes = self.timeline.lanes(MAX_LANES);
            self.made_for = Some(revision);
        }
    }
}

/// Shows the timeline; returns the commands it asks for.
pub fn show(ui: &mut egui::Ui, open: &OpenCase, state: &mut TimelineState) -> Vec<Command> {
    state.refresh(open);
    let mut commands = Vec::new();
    header(ui, open, state, &mut commands);
    let Some(extent) = state.timeline.extent else {
        ui.weak("Nothing in the case is dated yet: give nodes and links dates to see them here.");
        return commands;
    };
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), ui.available_height().max(60.0)), Sense::click_and_drag());
    let axis = Axis::new(extent, rect);
    let painter = ui.painter_at(rect);
    paint_ticks(&painter, &axis);
    paint_entries(&painter, open, state, &axis);
    if let Some(brush) = open.story.brush {
        let band = Rect::from_x_y_ranges(axis.x(brush.first_day)..=axis.x(brush.last_day + 1), rect.y_range());
        painter.rect_filled(band, 0.0, color(theme::TIMELINE_BRUSH));
    }
    interact(ui, &response, open, state, &axis, &mut commands);
    if state.playing {
        commands.extend(play_step(ui.ctx(), open, state, extent));
    }
    commands
}

/// The title with the counts, the period typed, dim or hide, Play and Clear.
fn header(ui: &mut egui::Ui, open: &OpenCase, state: &mut TimelineState, commands: &mut Vec<Command>) {
    let timeline = &state.timeline;
    ui.horizontal_wrapped(|ui| {
        ui.strong("Timeline");
        let undated = format!(
            "{} dated · undated: {}, {}",
            timeline.entries.len(),
            counted(timeline.undated_nodes, "node"),
            counted(timeline.undated_links, "link")
        );
        ui.label(undated);
        ui.separator();
        let label = ui.label("Period from");
        let from = ui.add(egui::TextEdit::singleline(&mut state.from_text).desired_width(80.0)).labelled_by(label.id);
        let label = ui.label("until");
        let to = ui.add(egui::TextEdit::singleline(&mut state.to_text).desired_width(80.0)).labelled_by(label.id);
        if from.lost_focus() || to.lost_focus() {
            let period = typed_period(&state.from_text, &state.to_text);
            if let Some(period) = period {
                commands.push(Command::Brush(Some(period)));
            }
        }
        let mut outside = open.story.outside_period;
        ui.radio_value(&mut outside, OutsidePeriod::Dim, "Dim the rest");
        ui.radio_value(&mut outside, OutsidePeriod::Hide, "Hide the rest");
        if outside != open.story.outside_period {
            commands.push(Command::SetOutsidePeriod(outside));
        }
        let play = if state.playing { "⏸ Pause" } else { "▶ Play" };
        if ui.add_enabled(timeline.extent.is_some(), egui::Button::new(play)).clicked() {
            state.playing = !state.playing;
        }
        if ui.add_enabled(open.story.brush.is_some(), egui::Button::new("Clear")).clicked() {
            state.playing = false;
            state.from_text.clear();
            state.to_text.clear();
            commands.push(Command::Brush(None));
        }
    });
}

/// The days from `from` to `to` as typed (`2013`, `2013-06`, `2013-06-01`), in either order.
fn typed_period(from: &str, to: &str) -> Option<DaySpan> {
    let from = PartialDate::parse(from.trim()).ok()?.days();
    let to = PartialDate::parse(to.trim()).ok().map_or(from, |to| to.days());
    Some(from.cover(to))
}

/// Days across the width of the timeline.
struct Axis {
    first_day: f64,
    days: f64,
    rect: Rect,
}

impl Axis {
    /// The axis over `extent` with a little room at either end.
    fn new(extent: DaySpan, rect: Rect) -> Self {
        let length = f64::from(extent.length_days()).max(30.0);
        let room = length * 0.03;
        Self { first_day: f64::from(extent.first_day) - room, days: length + 2.0 * room, rect }
    }

    fn x(&self, day: i32) -> f32 {
        self.rect.left() + ((f64::from(day) - self.first_day) / self.days) as f32 * self.rect.width()
    }

    fn day(&self, x: f32) -> i32 {
        (self.first_day + f64::from((x - self.rect.left()) / self.rect.width()) * self.days).floor() as i32
    }

    /// The top of lane `lane` and the height of a bar.
    fn lane(&self, lane: usize, lanes: usize) -> (f32, f32) {
        let top = self.rect.top() + theme::TIMELINE_AXIS_POINTS;
        let pitch = ((self.rect.height() - theme::TIMELINE_AXIS_POINTS) / lanes.max(1) as f32).min(14.0);
        (top + lane as f32 * pitch, (pitch - 2.0).max(2.0))
    }
}

/// A line and a label at each year (or every few years, when they crowd).
fn paint_ticks(painter: &egui::Painter, axis: &Axis) {
    let (first_year, ..) = date_of_day(axis.first_day.floor() as i32);
    let (last_year, ..) = date_of_day((axis.first_day + axis.days).ceil() as i32);
    let years = (last_year - first_year).max(1);
    let every =
        [1, 2, 5, 10, 20, 50].into_iter().find(|every| axis.rect.width() / (years / every).max(1) as f32 >= 48.0);
    let every = every.unwrap_or(100);
    for year in (first_year..=last_year + 1).filter(|year| year % every == 0) {
        let x = axis.x(day_number(year, 1, 1));
        if x < axis.rect.left() || x > axis.rect.right() {
            continue;
        }
        let line = [pos2(x, axis.rect.top() + 12.0), pos2(x, axis.rect.bottom())];
        painter.line_segment(line, Stroke::new(1.0, color(theme::TIMELINE_TICK)));
        let font = FontId::proportional(11.0);
        painter.text(
            pos2(x + 2.0, axis.rect.top()),
            Align2::LEFT_TOP,
            year.to_string(),
            font,
            color(theme::LINK_LABEL),
        );
    }
}

/// The most bars drawn one by one; past that, the timeline is drawn as how many items each
/// pixel column covers, so ten thousand dated items cost what the timeline's width does and
/// still show where the case is busy.
const DETAILED_BARS_MAX: usize = 1500;

/// Each dated item as a bar over its days (a dot's width at least): its kind's colour, paler
/// when its date is partial, faint when the view dims it, outlined when selected. Past
/// [`DETAILED_BARS_MAX`] items, their density instead.
fn paint_entries(painter: &egui::Painter, open: &OpenCase, state: &TimelineState, axis: &Axis) {
    if state.timeline.entries.len() > DETAILED_BARS_MAX {
        paint_density(painter, open, state, axis);
        return;
    }
    let lanes = state.lanes.iter().max().map_or(1, |lane| lane + 1);
    let selected = open.selection.map(Selection::item);
    for (entry, &lane) in state.timeline.entries.iter().zip(&state.lanes) {
        let presence = open.presence(entry.item);
        if presence == Presence::Hidden {
            continue;
        }
        let (top, height) = axis.lane(lane, lanes);
        let (left, right) = (axis.x(entry.span.first_day), axis.x(entry.span.last_day + 1));
        let bar = Rect::from_min_max(pos2(left, top), pos2(right.max(left + 3.0), top + height));
        let solid = color(entry_colour(open, entry.item));
        let fill = faded(if entry.partial { solid.gamma_multiply(0.45) } else { solid }, presence == Presence::Dimmed);
        painter.rect_filled(bar, 1.5, fill);
        if entry.partial {
            painter.rect_stroke(bar, 1.5, Stroke::new(1.0, solid), egui::StrokeKind::Inside);
        }
        if selected == Some(entry.item) {
            let ring = Stroke::new(theme::SELECTION_WIDTH, color(theme::SELECTION));
            painter.rect_stroke(bar.expand(2.0), 2.0, ring, egui::StrokeKind::Outside);
        }
    }
}

/// How many items cover each pixel column, those in full over those dimmed, as columns
/// rising from the bottom; the selected item's span is outlined.
fn paint_density(painter: &egui::Painter, open: &OpenCase, state: &TimelineState, axis: &Axis) {
    let width = axis.rect.width().ceil() as usize + 1;
    let (mut full, mut dimmed) = (vec![0u32; width], vec![0u32; width]);
    let selected = open.selection.map(Selection::item);
    for entry in &state.timeline.entries {
        let counts = match open.presence(entry.item) {
            Presence::Hidden => continue,
            Presence::Dimmed => &mut dimmed,
            Presence::Full => &mut full,
        };
        let first = (axis.x(entry.span.first_day) - axis.rect.left()).max(0.0) as usize;
        let last = ((axis.x(entry.span.last_day + 1) - axis.rect.left()).max(0.0) as usize).clamp(first, width - 1);
        for count in &mut counts[first.min(width - 1)..=last] {
            *count += 1;
        }
        if selected == Some(entry.item) {
            let span = Rect::from_x_y_ranges(
                axis.x(entry.span.first_day)..=axis.x(entry.span.last_day + 1),
                axis.rect.top() + theme::TIMELINE_AXIS_POINTS..=axis.rect.bottom(),
            );
            let ring = Stroke::new(theme::SELECTION_WIDTH, color(theme::SELECTION));
            painter.rect_stroke(span, 0.0, ring, egui::StrokeKind::Outside);
        }
    }
    let most = full.iter().zip(&dimmed).map(|(a, b)| a + b).max().unwrap_or(0).max(1);
    let room = axis.rect.height() - theme::TIMELINE_AXIS_POINTS;
    for (column, (&in_full, &faint)) in full.iter().zip(&dimmed).enumerate() {
        let x = axis.rect.left() + column as f32;
        let full_height = room * in_full as f32 / most as f32;
        let dimmed_height = room * faint as f32 / most as f32;
        let bottom = axis.rect.bottom();
        let bar = |height: f32, base: f32| Rect::from_min_max(pos2(x, base - height), pos2(x + 1.0, base));
        painter.rect_filled(bar(full_height, bottom), 0.0, color(theme::LINK));
        painter.rect_filled(bar(dimmed_height, bottom - full_height), 0.0, faded(color(theme::LINK), true));
    }
}

fn entry_colour(open: &OpenCase, item: ItemRef) -> theme::Colour {
    match item {
        ItemRef::Node(node) => theme::kind_style(open.document.case().nodes[node].kind).fill,
        ItemRef::Link(_) | ItemRef::Source(_) | ItemRef::Quote(_) => theme::LINK,
    }
}

/// The entry under `pointer`, if any.
fn entry_at(state: &TimelineState, axis: &Axis, pointer: egui::Pos2) -> Option<usize> {
    let lanes = state.lanes.iter().max().map_or(1, |lane| lane + 1);
    state.timeline.entries.iter().zip(&state.lanes).position(|(entry, &lane)| {
        let (top, height) = axis.lane(lane, lanes);
        let (left, right) = (axis.x(entry.span.first_day), axis.x(entry.span.last_day + 1));
        let bar = Rect::from_min_max(pos2(left - 1.0, top), pos2(right.max(left + 3.0) + 1.0, top + height));
        bar.contains(pointer)
    })
}

/// A drag brushes a period; a click selects the bar under the pointer; hovering a bar names it.
fn interact(
    ui: &egui::Ui,
    response: &egui::Response,
    open: &OpenCase,
    state: &mut TimelineState,
    axis: &Axis,
    commands: &mut Vec<Command>,
) {
    if response.drag_started()
        && let Some(pointer) = response.interact_pointer_pos()
    {
        state.drag_from_day = Some(axis.day(pointer.x));
        state.playing = false;
    }
    if response.dragged()
        && let (Some(from), Some(pointer)) = (state.drag_from_day, response.interact_pointer_pos())
    {
        let to = axis.day(pointer.x);
        commands.push(Command::Brush(Some(DaySpan { first_day: from.min(to), last_day: from.max(to) })));
    }
    if response.drag_stopped() {
        state.drag_from_day = None;
    }
    // Bars can be pointed at only while they are drawn one by one.
    let detailed = state.timeline.entries.len() <= DETAILED_BARS_MAX;
    let pointer = response.hover_pos().filter(|_| detailed);
    let hovered = pointer.and_then(|pointer| entry_at(state, axis, pointer));
    if response.clicked()
        && let Some(entry) = hovered
    {
        match state.timeline.entries[entry].item {
            ItemRef::Node(node) => commands.push(Command::Select(Selection::Node(node))),
            ItemRef::Link(link) => commands.push(Command::Select(Selection::Link(link))),
            ItemRef::Source(_) | ItemRef::Quote(_) => {}
        }
    }
    if let Some(entry) = hovered {
        let entry = state.timeline.entries[entry];
        let (case, graph) = (open.document.case(), open.document.graph());
        let partial = if entry.partial { " (a partial date: its whole span)" } else { "" };
        let text = format!("{}{partial}", claim_sentence(case, graph, entry.item));
        response.clone().on_hover_text_at_pointer(text);
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
}

/// Play: the period moves on through time, a whole timeline's crossing in [`PLAY_SECONDS`];
/// it stops at the end.
fn play_step(ctx: &egui::Context, open: &OpenCase, state: &mut TimelineState, extent: DaySpan) -> Option<Command> {
    let length = f64::from(extent.length_days());
    let window = open.story.brush.unwrap_or(DaySpan {
        first_day: extent.first_day,
        last_day: extent.first_day + (length * PLAY_WINDOW_SHARE) as i32,
    });
    let dt = f64::from(ctx.input(|input| input.stable_dt)).min(0.1);
    let shift = ((length / PLAY_SECONDS) * dt).ceil().max(1.0) as i32;
    if window.first_day > extent.last_day {
        state.playing = false;
        return None;
    }
    ctx.request_repaint();
    Some(Command::Brush(Some(DaySpan { first_day: window.first_day + shift, last_day: window.last_day + shift })))
}
