//! Everything the analyst can ask of the open case, as one enum: menus, keyboard shortcuts,
//! buttons and canvas gestures all produce these, and one place applies them.

use egui::{Key, KeyboardShortcut, Modifiers, Pos2, Vec2};

use crate::layout::WorldPoint;
use crate::model::{LinkIx, NodeIx, NodeKind, QuoteIx, SourceIx};

/// What is selected on the canvas and shown in the side panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Selection {
    /// A node.
    Node(NodeIx),
    /// A link.
    Link(LinkIx),
}

impl Selection {
    /// The selected item, as the model names it.
    pub fn item(self) -> crate::model::ItemRef {
        match self {
            Selection::Node(node) => crate::model::ItemRef::Node(node),
            Selection::Link(link) => crate::model::ItemRef::Link(link),
        }
    }
}

/// One request to change the open case or how it is shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Command {
    /// Select a node or link.
    Select(Selection),
    /// Select a node and bring it to the centre of the canvas.
    FocusNode(NodeIx),
    /// Clear the selection and close the search.
    ClearSelection,
    /// Show the whole case.
    FitToCase,
    /// Zoom in around the canvas centre.
    ZoomIn,
    /// Zoom out around the canvas centre.
    ZoomOut,
    /// Move the view by a screen distance.
    Pan(Vec2),
    /// Zoom by a factor around a screen point.
    Zoom {
        /// The screen point that stays put.
        anchor: Pos2,
        /// Greater than one zooms in.
        factor: f32,
    },
    /// Run the layout again; pinned nodes stay.
    RerunLayout,
    /// Pin every node.
    PinAll,
    /// Unpin every node.
    UnpinAll,
    /// Pin or unpin one node.
    SetPinned {
        /// The node.
        node: NodeIx,
        /// Pinned afterwards.
        pinned: bool,
    },
    /// Pin the selected node, or unpin it if it is pinned.
    TogglePinSelected,
    /// Put a node at a world position and pin it (a drag).
    MoveNode {
        /// The node.
        node: NodeIx,
        /// Its new position.
        to: WorldPoint,
    },
    /// The drag of a node is over: its moves become one undo step.
    EndDrag,
    /// Show or hide the nodes of a kind.
    ToggleKind(NodeKind),
    /// Make, change or delete facts: the app carries these out, since they open forms and the
    /// side panel's editor.
    Edit(EditCommand),
    /// Undo the last change to the case.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Show or hide the list of warnings.
    ToggleWarnings,
    /// Show or hide the review: every claim at risk, worst first.
    ToggleReview,
    /// Show or hide the frame-time readout over the canvas.
    ToggleFrameTimes,
    /// Open, save or close: the app carries these out, since they replace the case.
    File(FileCommand),
    /// Open the search field.
    OpenSearch,
    /// Present the story: the canvas fills the window and the keys step through.
    Present,
    /// Brush a period on the timeline (or clear it): what lies outside is dimmed or hidden.
    Brush(Option<crate::model::DaySpan>),
    /// Dim or hide what lies outside the brushed period.
    SetOutsidePeriod(crate::model::OutsidePeriod),
    /// Show or hide the timeline under the canvas.
    ToggleTimeline,
    /// Show or hide the list of shortcuts.
    ToggleHelp,
}

/// What the app does to make, change or delete facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditCommand {
    /// Open the New node form: beside the selected node, or in the middle of the view.
    NewNode,
    /// Open the New link form, from the selected node.
    NewLink,
    /// Open the New link form between two nodes (a link drawn on the canvas).
    LinkBetween {
        /// The node the link was drawn from.
        from: NodeIx,
        /// The node it was dropped on.
        to: NodeIx,
    },
    /// Edit the selected node or link in the side panel.
    EditSelected,
    /// Edit a source in the side panel.
    EditSource(SourceIx),
    /// Edit a quote in the side panel.
    EditQuote(QuoteIx),
    /// Put the side panel editor's fields into the case.
    SaveEdit,
    /// Close the side panel editor, leaving the item as it was.
    CancelEdit,
    /// Choose another node to merge into the selected one.
    MergeIntoSelected,
    /// Delete the selected node (with its links) or link, asking about quotes left with nothing.
    DeleteSelected,
    /// Attach the passage selected in the source reader, as a quote, to the canvas selection.
    QuotePassage,
    /// Open the New node form with the reader's passage as its label and its quote.
    NodeFromPassage,
    /// Open the New link form with the reader's passage as its quote.
    LinkFromPassage,
    /// Mark the selected node or link reviewed, by the reviewer and with the note typed.
    MarkSelectedReviewed,
    /// Take the selected claim's review mark away.
    ClearSelectedReview,
}

/// What the app does with files: these may replace the open case, so the app, not the
/// case, carries them out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileCommand {
    /// Start a case: a title, then where its file goes.
    New,
    /// Choose a case file to open.
    Open,
    /// Open the `n`th of the recent files.
    OpenRecent(usize),
    /// Save to the case's file (or choose one, for a case that has none).
    Save,
    /// Choose a file to save to.
    SaveAs,
    /// Open the figure export dialog.
    ExportFigure,
    /// Write the story as a PDF of a page per step or one HTML page.
    ExportStory,
    /// Read another tool's file (FtM, an Aleph diagram, GEXF, GraphML, spreadsheets) into the
    /// case.
    Import,
    /// Write the case in another tool's format.
    ExportAs,
    /// Choose documents and add them to the case as sources.
    AddSources,
    /// Paste text and add it as a source.
    PasteSource,
    /// Put a picture of the window on the clipboard.
    CopyScreenshot,
    /// Choose a file and write a picture of the window to it.
    SaveScreenshot,
    /// Close the window.
    Quit,
}

/// A command with its keyboard shortcut and the words menus show for it.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    /// What the shortcut does.
    pub command: Command,
    /// The keys.
    pub shortcut: KeyboardShortcut,
    /// What menus and the help list call it.
    pub name: &'static str,
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

const fn command(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn command_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

/// The keys that toggle each kind, in [`NodeKind::ALL`] order.
const KIND_KEYS: [Key; 6] = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5, Key::Num6];

/// Every keyboard shortcut, in the order the help lists them. Shortcuts without a modifier
/// only act while no text field has the keyboard.
pub fn bindings() -> Vec<Binding> {
    let mut bindings = vec![
        Binding { command: Command::File(FileCommand::Open), shortcut: command(Key::O), name: "Open a case" },
        Binding { command: Command::File(FileCommand::Save), shortcut: command(Key::S), name: "Save" },
        Binding { command: Command::File(FileCommand::SaveAs), shortcut: command_shift(Key::S), name: "Save as" },
        Binding {
            command: Command::File(FileCommand::ExportFigure),
            shortcut: command(Key::E),
            name: "Export a figure",
        },
        Binding {
            command: Command::File(FileCommand::CopyScreenshot),
            shortcut: command_shift(Key::C),
            name: "Copy a screenshot of the window",
        },
        Binding { command: Command::File(FileCommand::Quit), shortcut: command(Key::Q), name: "Quit" },
        Binding { command: Command::Edit(EditCommand::NewNode), shortcut: plain(Key::N), name: "New node" },
        Binding {
            command: Command::Edit(EditCommand::EditSelected),
            shortcut: plain(Key::F2),
            name: "Edit the selection",
        },
        Binding {
            command: Command::Edit(EditCommand::EditSelected),
            shortcut: plain(Key::Enter),
            name: "Edit the selection",
        },
        Binding {
            command: Command::Edit(EditCommand::DeleteSelected),
            shortcut: plain(Key::Delete),
            name: "Delete the selection",
        },
        Binding {
            command: Command::Edit(EditCommand::DeleteSelected),
            shortcut: plain(Key::Backspace),
            name: "Delete the selection",
        },
        Binding {
            command: Command::Edit(EditCommand::NewLink),
            shortcut: plain(Key::L),
            name: "New link from the selected node",
        },
        Binding { command: Command::Undo, shortcut: command(Key::Z), name: "Undo" },
        Binding { command: Command::Redo, shortcut: command_shift(Key::Z), name: "Redo" },
        Binding { command: Command::Redo, shortcut: command(Key::Y), name: "Redo" },
        Binding { command: Command::OpenSearch, shortcut: command(Key::F), name: "Find a node" },
        Binding { command: Command::FitToCase, shortcut: plain(Key::F), name: "Fit the case to the window" },
        Binding { command: Command::ZoomIn, shortcut: plain(Key::Plus), name: "Zoom in" },
        Binding { command: Command::ZoomIn, shortcut: plain(Key::Equals), name: "Zoom in" },
        Binding { command: Command::ZoomOut, shortcut: plain(Key::Minus), name: "Zoom out" },
        Binding { command: Command::ClearSelection, shortcut: plain(Key::Escape), name: "Clear the selection" },
        Binding {
            command: Command::TogglePinSelected,
            shortcut: plain(Key::P),
            name: "Pin or unpin the selected node",
        },
        Binding { command: Command::RerunLayout, shortcut: command(Key::L), name: "Re-run the layout" },
        Binding { command: Command::PinAll, shortcut: command_shift(Key::P), name: "Pin all nodes" },
        Binding { command: Command::UnpinAll, shortcut: command_shift(Key::U), name: "Unpin all nodes" },
        Binding { command: Command::ToggleWarnings, shortcut: command_shift(Key::W), name: "Show the warnings" },
        Binding { command: Command::ToggleReview, shortcut: command_shift(Key::R), name: "Review before publication" },
        Binding { command: Command::ToggleHelp, shortcut: plain(Key::F1), name: "Keyboard shortcuts" },
        Binding { command: Command::Present, shortcut: plain(Key::F5), name: "Present the story" },
        Binding { command: Command::ToggleTimeline, shortcut: command_shift(Key::T), name: "Show the timeline" },
        Binding { command: Command::ToggleFrameTimes, shortcut: plain(Key::F12), name: "Show frame times" },
    ];
    for (kind, key) in NodeKind::ALL.into_iter().zip(KIND_KEYS) {
        bindings.push(Binding {
            command: Command::ToggleKind(kind),
            shortcut: plain(key),
            name: kind_toggle_name(kind),
        });
    }
    bindings
}

/// The menu entry that shows or hides a kind.
pub fn kind_toggle_name(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Person => "Show people",
        NodeKind::Company => "Show companies",
        NodeKind::Embassy => "Show embassies",
        NodeKind::Government => "Show government bodies",
        NodeKind::Organization => "Show organizations",
        NodeKind::Transaction => "Show transactions",
    }
}

/// The shortcut of `command`, for showing beside a menu entry.
pub fn shortcut_of(command: Command) -> Option<KeyboardShortcut> {
    bindings().into_iter().find(|binding| binding.command == command).map(|binding| binding.shortcut)
}

/// The commands whose shortcuts were pressed this frame, consuming the key presses.
/// `typing` is true while a text field has the keyboard: then only shortcuts with a modifier
/// (and Escape) act, and undo and redo are left to the field.
pub fn pressed_shortcuts(ctx: &egui::Context, typing: bool) -> Vec<Command> {
    let mut commands = Vec::new();
    // egui matches Ctrl+S when Ctrl+Shift+S is pressed, so the shortcuts with more modifiers
    // must have their turn first.
    let mut ordered = bindings();
    ordered.sort_by_key(|binding| {
        let modifiers = binding.shortcut.modifiers;
        std::cmp::Reverse(u8::from(modifiers.shift) + u8::from(modifiers.alt) + u8::from(modifiers.command))
    });
    ctx.input_mut(|input| {
        for binding in ordered {
            let needs_keyboard = (binding.shortcut.modifiers.is_none() && binding.shortcut.logical_key != Key::Escape)
                || matches!(binding.command, Command::Undo | Command::Redo);
            if typing && needs_keyboard {
                continue;
            }
            if input.consume_shortcut(&binding.shortcut) && !commands.contains(&binding.command) {
                commands.push(binding.command);
            }
        }
    });
    commands
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let bindings = bindings();
        for (i, a) in bindings.iter().enumerate() {
            for b in &bindings[i + 1..] {
                assert!(a.shortcut != b.shortcut, "{} and {} share a shortcut", a.name, b.name);
            }
        }
    }

    #[test]
    fn every_kind_can_be_toggled_from_the_keyboard() {
        for kind in NodeKind::ALL {
            assert!(shortcut_of(Command::ToggleKind(kind)).is_some(), "{kind:?}");
        }
    }
}
