//! The window: egui painting and input over the open case. Everything here reads the model
//! and the layout; changes go through [`open_case::OpenCase::apply`] as commands.

pub mod app;
pub mod camera;
pub mod canvas;
pub mod command;
pub mod evidence_panel;
pub mod legend;
pub mod open_case;
pub mod search;

pub use app::{CaseApp, Content, ScreenshotRequest};
pub use command::{Command, Selection};
pub use open_case::OpenCase;
