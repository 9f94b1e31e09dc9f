//! The source reader, a tab of the side panel: one source's text in paragraphs, its quotes
//! marked, a find box, and the passage the analyst selects, which becomes a quote, a node or a
//! link. What it remembers lives here, beside the open case; `text` draws the text itself.

mod text;

use std::ops::Range;

use super::command::{Command, EditCommand, Selection};
use super::open_case::OpenCase;
use crate::model::{Id, ItemRef, PAGE_BREAK, Passage, QuoteFinder, QuoteIx};

/// A stretch of the source's text, in bytes (for drawing) and in characters (for the cursor).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Span {
    bytes: Range<usize>,
    chars: Range<usize>,
}

/// A quote found in the text on show.
#[derive(Clone, Debug)]
struct QuoteMark {
    span: Span,
    quote: QuoteIx,
}

/// A source's text, ready to show and search.
struct SourceText {
    /// As stored, for passages.
    original: String,
    /// As shown: page breaks as line breaks (one character each, so places agree).
    shown: String,
    /// The byte offset of every character, and the text's length at the end.
    char_starts: Vec<usize>,
    finder: QuoteFinder,
}

impl SourceText {
    fn new(original: String) -> Self {
        let shown = original.replace(PAGE_BREAK, "\n");
        let char_starts = original.char_indices().map(|(at, _)| at).chain([original.len()]).collect();
        let finder = QuoteFinder::new(&original);
        Self { original, shown, char_starts, finder }
    }

    fn span_of_bytes(&self, bytes: Range<usize>) -> Span {
        let char_at = |byte: usize| self.char_starts.partition_point(|&start| start < byte);
        Span { chars: char_at(bytes.start)..char_at(bytes.end), bytes }
    }
}

/// The text of the source on show, or why it cannot be read.
struct Loaded {
    source: Id,
    text: Result<SourceText, String>,
}

/// The find box: what is looked for, where it is, and which hit is current.
#[derive(Default)]
struct Find {
    query: String,
    hits: Vec<Span>,
    current: Option<usize>,
}

/// What the reader remembers between frames.
#[derive(Default)]
pub struct SourceReader {
    /// The source on show, by id: an index would point at another source after a deletion.
    source: Option<Id>,
    loaded: Option<Loaded>,
    /// The quotes found in the text, for the facts revision and source they were found for.
    marks: Vec<QuoteMark>,
    marks_for: Option<(u64, Id)>,
    find: Find,
    /// The words the analyst selected, kept when the keyboard goes to a button or a form.
    pub passage: Option<Passage>,
    /// The characters the passage was taken from, so it is taken again only when they change.
    passage_chars: Option<Range<usize>>,
    /// The canvas selection the reader last scrolled to.
    scrolled_for: Option<Selection>,
    /// A character to bring into view on the next frame.
    scroll_to_char: Option<usize>,
    /// Characters to select on the next frame (a find hit).
    select_chars: Option<Range<usize>>,
}

impl SourceReader {
    /// Shows the source with id `source`, if the case has it.
    pub fn show_source(&mut self, source: Id) {
        if self.source.as_ref() != Some(&source) {
            self.source = Some(source);
            self.passage = None;
            self.passage_chars = None;
            self.find.hits.clear();
            self.find.current = None;
        }
    }

    /// The id of the source on show.
    pub fn source(&self) -> Option<&Id> {
        self.source.as_ref()
    }

    /// Makes sure the text and the quote marks are those of the source on show, as the facts
    /// are now.
    fn refresh(&mut self, open: &OpenCase) {
        let case = open.document.case();
        let has_text = |id: &Id| case.sources.iter().any(|s| &s.id == id && s.document.is_some());
        if !self.source.as_ref().is_some_and(has_text) {
            self.source = case.sources.iter().find(|source| source.document.is_some()).map(|s| s.id.clone());
            self.passage = None;
        }
        let Some(id) = self.source.clone() else {
            self.loaded = None;
            return;
        };
        if self.loaded.as_ref().is_none_or(|loaded| loaded.source != id) {
            let path = case.sources.iter().find(|s| s.id == id).and_then(|s| s.document.clone());
            let text = path
                .ok_or_else(|| "This source has no local copy.".to_owned())
                .and_then(|path| open.document.documents().read(&path).map_err(|error| error.to_string()))
                .map(SourceText::new);
            self.loaded = Some(Loaded { source: id.clone(), text });
            self.marks_for = None;
            self.find_all();
        }
        let wanted = (open.document.facts_revision(), id);
        if self.marks_for.as_ref() != Some(&wanted) {
            self.marks = self.find_marks(open, &wanted.1);
            self.marks_for = Some(wanted);
        }
    }

    fn find_marks(&self, open: &OpenCase, source: &Id) -> Vec<QuoteMark> {
        let Some(Ok(text)) = self.loaded.as_ref().map(|loaded| &loaded.text) else { return Vec::new() };
        let case = open.document.case();
        let mut marks: Vec<QuoteMark> = QuoteIx::all(case.quotes.len())
            .filter(|&quote| &case.quotes[quote].source == source)
            .filter_map(|quote| {
                let bytes = text.finder.find(&case.quotes[quote].text)?;
                Some(QuoteMark { span: text.span_of_bytes(bytes), quote })
            })
            .collect();
        marks.sort_by_key(|mark| (mark.span.bytes.start, mark.quote));
        marks
    }

    /// Looks for the find box's words again (case aside where the text allows).
    fn find_all(&mut self) {
        self.find.hits.clear();
        self.find.current = None;
        let Some(Ok(text)) = self.loaded.as_ref().map(|loaded| &loaded.text) else { return };
        let query = self.find.query.trim();
        if query.is_empty() {
            return;
        }
        let (haystack, needle) = (text.original.to_lowercase(), query.to_lowercase());
        // Lowercasing can change byte lengths; search the text as it is when it does.
        let (haystack, needle) = if haystack.len() == text.original.len() {
            (haystack, needle)
        } else {
            (text.original.clone(), query.to_owned())
        };
        self.find.hits =
            haystack.match_indices(&needle).map(|(at, found)| text.span_of_bytes(at..at + found.len())).collect();
    }

    /// Moves to the next find hit (or the previous), selecting it in the text.
    fn step_find(&mut self, forward: bool) {
        let count = self.find.hits.len();
        if count == 0 {
            return;
        }
        let next = match (self.find.current, forward) {
            (None, _) => 0,
            (Some(at), true) => (at + 1) % count,
            (Some(at), false) => (at + count - 1) % count,
        };
        self.find.current = Some(next);
        let chars = self.find.hits[next].chars.clone();
        self.scroll_to_char = Some(chars.start);
        self.select_chars = Some(chars);
    }

    /// When the canvas selection changed, shows the first quote behind the new one.
    fn follow_selection(&mut self, open: &OpenCase) {
        if open.selection == self.scrolled_for {
            return;
        }
        self.scrolled_for = open.selection;
        let case = open.document.case();
        let quotes = match open.selection {
            Some(Selection::Node(node)) => open.document.graph().evidence_for_node(node),
            Some(Selection::Link(link)) => open.document.graph().quotes_for(ItemRef::Link(link)).to_vec(),
            None => return,
        };
        let readable = |quote: &QuoteIx| {
            let source = &case.quotes[*quote].source;
            case.sources.iter().any(|s| &s.id == source && s.document.is_some())
        };
        let on_show = quotes.iter().find(|quote| Some(&case.quotes[**quote].source) == self.source.as_ref());
        let Some(&quote) = on_show.or_else(|| quotes.iter().find(|quote| readable(quote))) else { return };
        self.show_source(case.quotes[quote].source.clone());
        self.refresh(open);
        if let Some(mark) = self.marks.iter().find(|mark| mark.quote == quote) {
            self.scroll_to_char = Some(mark.span.chars.start);
        }
    }
}

/// Shows the reader and returns what the analyst asked for.
pub fn show(ui: &mut egui::Ui, open: &OpenCase, reader: &mut SourceReader) -> Vec<Command> {
    let mut commands = Vec::new();
    reader.refresh(open);
    reader.follow_selection(open);
    choose_source(ui, open, reader);
    let Some(loaded) = &reader.loaded else {
        ui.weak("No source has a local copy to read yet. Add one: File → Add sources….");
        return commands;
    };
    if let Err(error) = &loaded.text {
        ui.colored_label(ui.visuals().error_fg_color, format!("The source's text cannot be read: {error}"));
        return commands;
    }
    let case = open.document.case();
    let shown = reader.source.as_ref().and_then(|id| case.sources.iter().position(|source| &source.id == id));
    if let Some(source) = shown
        && ui.small_button("Edit the source's details").clicked()
    {
        commands.push(Command::Edit(EditCommand::EditSource(crate::model::SourceIx::new(source))));
    }
    find_box(ui, reader);
    passage_actions(ui, open, reader, &mut commands);
    ui.separator();
    text::show(ui, open, reader, &mut commands);
    commands
}

/// The list of sources with a local copy.
fn choose_source(ui: &mut egui::Ui, open: &OpenCase, reader: &mut SourceReader) {
    let case = open.document.case();
    let name = |id: &Id| {
        case.sources.iter().find(|s| &s.id == id).map_or_else(String::new, |source| {
            let date = source.date.map(|date| format!(", {date}")).unwrap_or_default();
            format!("{}{date} — {}", source.publisher, source.title)
        })
    };
    let Some(shown) = reader.source.clone() else { return };
    let mut chosen = shown.clone();
    ui.horizontal(|ui| {
        let label = ui.label("Source");
        egui::ComboBox::new("source-reader-source", "")
            .selected_text(name(&shown))
            .truncate()
            .width((ui.available_width() - 40.0).max(120.0))
            .show_ui(ui, |ui| {
                for source in case.sources.iter().filter(|source| source.document.is_some()) {
                    ui.selectable_value(&mut chosen, source.id.clone(), name(&source.id));
                }
            })
            .response
            .labelled_by(label.id);
    });
    if chosen != shown {
        reader.show_source(chosen);
    }
}

/// The find box: typing finds, Enter (or ↓) goes to the next hit and selects it.
fn find_box(ui: &mut egui::Ui, reader: &mut SourceReader) {
    ui.horizontal(|ui| {
        let label = ui.label("Find in the source");
        let field = ui.add(egui::TextEdit::singleline(&mut reader.find.query).desired_width(150.0));
        let field = field.labelled_by(label.id);
        if field.changed() {
            reader.find_all();
        }
        let entered = field.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
        let shown = match (reader.find.current, reader.find.hits.len()) {
            (_, 0) if !reader.find.query.trim().is_empty() => "not found".to_owned(),
            (_, 0) => String::new(),
            (Some(at), count) => format!("{} of {count}", at + 1),
            (None, count) => format!("{count} found"),
        };
        if ui.small_button("↑").on_hover_text("The previous one").clicked() {
            reader.step_find(false);
        }
        if ui.small_button("↓").on_hover_text("The next one (Enter)").clicked() || entered {
            reader.step_find(true);
        }
        ui.label(shown);
    });
}

/// The selected passage and what can be made of it. The bar keeps its height with or without
/// a passage, so the text does not move under the mouse as a selection begins.
fn passage_actions(ui: &mut egui::Ui, open: &OpenCase, reader: &SourceReader, commands: &mut Vec<Command>) {
    let passage = reader.passage.as_ref();
    let preview = match passage {
        Some(passage) => egui::RichText::new(format!("“{}”", passage.one_line())).italics(),
        None => egui::RichText::new("Select words in the text to quote them or make a node or link of them.").weak(),
    };
    ui.add(egui::Label::new(preview).truncate());
    let can_make = passage.is_some();
    let can_quote = can_make && open.selection.is_some();
    let quote = ui
        .add_enabled(can_quote, egui::Button::new("Quote for the selection"))
        .on_hover_text("Attach these words, as a quote, to the node or link selected on the canvas")
        .on_disabled_hover_text("Select words here, and a node or link on the canvas");
    if quote.clicked() {
        commands.push(Command::Edit(EditCommand::QuotePassage));
    }
    ui.horizontal(|ui| {
        let node = ui.add_enabled(can_make, egui::Button::new("New node from passage"));
        if node.on_hover_text("A node named by these words, with them as its quote").clicked() {
            commands.push(Command::Edit(EditCommand::NodeFromPassage));
        }
        let link = ui.add_enabled(can_make, egui::Button::new("New link from passage"));
        if link.on_hover_text("A link with these words as its quote").clicked() {
            commands.push(Command::Edit(EditCommand::LinkFromPassage));
        }
    });
}
