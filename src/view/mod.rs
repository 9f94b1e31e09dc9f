//! The window: egui painting and input over the open case. Everything here reads the model
//! and the layout; changes go through [`open_case::OpenCase::apply`] as commands.

pub mod app;
pub mod autosave_timer;
pub mod camera;
pub mod canvas;
pub mod case_panels;
pub mod command;
pub mod dialogs;
pub mod disk_watch;
pub mod editor;
pub mod evidence_panel;
pub mod export_dialog;
pub mod form_window;
pub mod frame_measurement;
pub mod frame_times;
pub mod import_dialog;
pub mod legend;
pub mod link_form;
pub mod marks;
pub mod menus;
pub mod new_case_form;
pub mod node_form;
pub mod open_case;
pub mod overview;
pub mod presenter;
pub mod prompt;
pub mod reader;
pub mod review_panel;
pub mod screenshot_request;
pub mod search;
pub mod source_form;
pub mod story_panel;
pub mod story_view;
pub mod timeline_panel;
pub mod transaction_fields;
pub mod warnings_panel;
pub mod window_screenshot;

pub use app::{CaseApp, Content, SelectError, Services};
pub use command::{Command, FileCommand, Selection};
pub use dialogs::{Dialogs, NativeDialogs, ScriptedDialogs};
pub use frame_measurement::FrameMeasurement;
pub use open_case::OpenCase;
pub use screenshot_request::ScreenshotRequest;
