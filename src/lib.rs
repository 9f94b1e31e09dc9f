//! casegraph: link analysis for investigative journalists. A case file holds people,
//! companies, embassies, government bodies and transactions, every claim backed by verbatim
//! quotes from named sources.
//!
//! Data flows one way: [`model`] (pure data and validation) → [`layout`] (simulation) →
//! [`view`] (the window) and export, drawing with one [`theme`].

pub mod cli;
pub mod document;
pub mod exchange;
pub mod export;
pub mod fonts;
pub mod icons;
pub mod ingest;
pub mod label_placement;
pub mod layout;
pub mod link_routes;
pub mod model;
pub mod sample;
pub mod seeded_random;
pub mod spatial_index;
pub mod synthetic;
pub mod theme;
pub mod view;
