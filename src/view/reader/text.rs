//! The source's text in the reader: a read-only text field, so the analyst can select words
//! with the mouse or the keyboard, drawn with every quote marked (those behind the canvas
//! selection more strongly) and the find hits. Hovering a quote names what it supports;
//! clicking it selects that on the canvas.

use std::ops::Range;

use egui::text::{CCursor, CCursorRange, LayoutJob};

use super::super::command::{Command, Selection};
use super::super::marks::color;
use super::super::open_case::OpenCase;
use super::{Find, QuoteMark, SourceReader, SourceText};
use crate::model::{ItemRef, Passage, QuoteIx, link_claim};
use crate::theme;

/// What a stretch of text is marked as; later variants are drawn over earlier ones.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Marking {
    Quote,
    SelectedQuote,
    FindHit,
    CurrentFindHit,
}

/// Shows the text, and takes in what the analyst selected, hovered or clicked.
pub(super) fn show(ui: &mut egui::Ui, open: &OpenCase, reader: &mut SourceReader, commands: &mut Vec<Command>) {
    let Some(loaded) = &reader.loaded else { return };
    let Ok(text) = &loaded.text else { return };
    let ctx = ui.ctx().clone();
    let id = ui.make_persistent_id("source-reader-text");
    if let Some(chars) = reader.select_chars.clone() {
        // A text field keeps a selection only while it has the keyboard: take it first.
        if ctx.memory(|memory| memory.has_focus(id)) {
            let mut state = egui::text_edit::TextEditState::load(&ctx, id).unwrap_or_default();
            state.cursor.set_char_range(Some(CCursorRange::two(CCursor::new(chars.start), CCursor::new(chars.end))));
            state.store(&ctx, id);
            reader.select_chars = None;
        } else {
            ctx.memory_mut(|memory| memory.request_focus(id));
        }
        ctx.request_repaint();
    }
    let selected = selected_quotes(open);
    let job = layout_job(ui, text, &markings(&reader.marks, &selected, &reader.find));
    let mut layouter = |ui: &egui::Ui, _text: &dyn egui::TextBuffer, wrap_width: f32| {
        let mut job = job.clone();
        job.wrap.max_width = wrap_width;
        ui.fonts_mut(|fonts| fonts.layout_job(job))
    };
    let mut selection = None;
    let mut hovered_char = None;
    egui::ScrollArea::vertical().id_salt("source-reader-scroll").auto_shrink([false, false]).show(ui, |ui| {
        let mut shown: &str = &text.shown;
        let output = egui::TextEdit::multiline(&mut shown)
            .id(id)
            .desired_width(ui.available_width())
            .frame(egui::Frame::NONE)
            .margin(egui::Margin::ZERO)
            .layouter(&mut layouter)
            .show(ui);
        let response = &output.response.response;
        let char_at = |pos: egui::Pos2| output.galley.cursor_from_pos(pos - output.galley_pos).index.0;
        hovered_char = response.hover_pos().map(char_at);
        if let Some(at) = reader.scroll_to_char.take() {
            let rect = output.galley.pos_from_cursor(CCursor::new(at)).translate(output.galley_pos.to_vec2());
            ui.scroll_to_rect(rect, Some(egui::Align::Center));
        }
        selection = output.cursor_range.map(|range| {
            let chars = range.as_sorted_char_range();
            chars.start.0..chars.end.0
        });
        if response.clicked() && selection.as_ref().is_none_or(Range::is_empty) {
            let clicked = hovered_char.and_then(|at| marks_at(&reader.marks, at).next());
            if let Some(select) = clicked.and_then(|mark| item_of(open, mark.quote)) {
                commands.push(Command::Select(select));
            }
        }
        if let Some(at) = hovered_char {
            let names: Vec<String> =
                marks_at(&reader.marks, at).flat_map(|mark| supported_names(open, mark.quote)).collect();
            if !names.is_empty() {
                response.clone().on_hover_ui_at_pointer(|ui| {
                    ui.label("This quote supports:");
                    for name in names {
                        ui.strong(name);
                    }
                });
            }
        }
    });
    if let Some(chars) = selection {
        take_selection(reader, chars);
    }
}

/// Keeps the selected words as the passage; an empty selection clears it.
fn take_selection(reader: &mut SourceReader, chars: Range<usize>) {
    let Some(loaded) = &reader.loaded else { return };
    let Ok(text) = &loaded.text else { return };
    if reader.passage_chars.as_ref() == Some(&chars) {
        return;
    }
    reader.passage_chars = Some(chars.clone());
    reader.passage =
        if chars.is_empty() { None } else { Passage::from_selection(loaded.source.clone(), &text.original, chars) };
}

/// The quotes behind the node or link selected on the canvas.
fn selected_quotes(open: &OpenCase) -> Vec<QuoteIx> {
    match open.selection {
        Some(Selection::Node(node)) => open.document.graph().evidence_for_node(node),
        Some(Selection::Link(link)) => open.document.graph().quotes_for(ItemRef::Link(link)).to_vec(),
        None => Vec::new(),
    }
}

/// The quote marks over the character `at`.
fn marks_at(marks: &[QuoteMark], at: usize) -> impl Iterator<Item = &QuoteMark> {
    marks.iter().filter(move |mark| mark.span.chars.contains(&at))
}

/// The first node or link a quote supports, to select when the quote is clicked.
fn item_of(open: &OpenCase, quote: QuoteIx) -> Option<Selection> {
    let graph = open.document.graph();
    open.document.case().quotes[quote].supports.iter().find_map(|id| match graph.resolve(id.as_str()) {
        Some(ItemRef::Node(node)) => Some(Selection::Node(node)),
        Some(ItemRef::Link(link)) => Some(Selection::Link(link)),
        _ => None,
    })
}

/// What a quote supports, in words: node labels and link sentences.
fn supported_names(open: &OpenCase, quote: QuoteIx) -> Vec<String> {
    let (case, graph) = (open.document.case(), open.document.graph());
    case.quotes[quote]
        .supports
        .iter()
        .filter_map(|id| match graph.resolve(id.as_str()) {
            Some(ItemRef::Node(node)) => Some(case.nodes[node].label.clone()),
            Some(ItemRef::Link(link)) => Some(link_claim(case, graph, link)),
            _ => None,
        })
        .collect()
}

/// Every marked stretch of the text, in bytes, with how it is marked.
fn markings(marks: &[QuoteMark], selected: &[QuoteIx], find: &Find) -> Vec<(Range<usize>, Marking)> {
    let quotes = marks.iter().map(|mark| {
        let marking = if selected.contains(&mark.quote) { Marking::SelectedQuote } else { Marking::Quote };
        (mark.span.bytes.clone(), marking)
    });
    let hits = find.hits.iter().enumerate().map(|(index, hit)| {
        let marking = if find.current == Some(index) { Marking::CurrentFindHit } else { Marking::FindHit };
        (hit.bytes.clone(), marking)
    });
    quotes.chain(hits).collect()
}

/// The text as one layout job, cut where markings begin and end; where they overlap, the
/// strongest is drawn.
fn layout_job(ui: &egui::Ui, text: &SourceText, markings: &[(Range<usize>, Marking)]) -> LayoutJob {
    let plain = egui::TextFormat {
        font_id: egui::TextStyle::Body.resolve(ui.style()),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    let format_of = |marking: Option<Marking>| {
        let background = match marking {
            None => return plain.clone(),
            Some(Marking::Quote) => theme::QUOTE_MARK,
            Some(Marking::SelectedQuote) => theme::SELECTED_QUOTE_MARK,
            Some(Marking::FindHit) => theme::FIND_MARK,
            Some(Marking::CurrentFindHit) => theme::CURRENT_FIND_MARK,
        };
        egui::TextFormat { background: color(background), ..plain.clone() }
    };
    let mut edges: Vec<(usize, bool, Marking)> = Vec::with_capacity(markings.len() * 2);
    for (range, marking) in markings {
        edges.extend([(range.start, true, *marking), (range.end, false, *marking)]);
    }
    edges.sort_unstable_by_key(|&(at, starts, marking)| (at, starts, marking));
    let mut open_count = [0_usize; 4];
    let mut job = LayoutJob::default();
    let mut from = 0;
    for (at, starts, marking) in edges {
        if at > from {
            let strongest = (0..4).rev().find(|&index| open_count[index] > 0).map(marking_of);
            job.append(&text.shown[from..at], 0.0, format_of(strongest));
            from = at;
        }
        let count = &mut open_count[marking as usize];
        *count = if starts { *count + 1 } else { count.saturating_sub(1) };
    }
    job.append(&text.shown[from..], 0.0, plain);
    job
}

fn marking_of(index: usize) -> Marking {
    [Marking::Quote, Marking::SelectedQuote, Marking::FindHit, Marking::CurrentFindHit][index]
}
