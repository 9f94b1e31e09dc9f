//! The story on screen: which step the view shows (while editing or presenting), the scene
//! that makes of the case (what is in full, dimmed or left out), and the camera gliding from
//! one step to the next.

use egui::{Rect, pos2};

use super::camera::Camera;
use crate::document::Document;
use crate::model::{DaySpan, OutsidePeriod, Scene, SceneRules, StepIx};

/// How long the camera takes to glide to a step's view, in seconds.
pub const GLIDE_SECONDS: f64 = 0.4;

/// A camera move under way.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Glide {
    /// Where it started.
    pub from: Camera,
    /// Where it ends.
    pub to: Camera,
    /// When it started, in the window's seconds.
    pub started_seconds: f64,
}

impl Glide {
    /// The camera at `now_seconds`, and whether the glide is over, eased in and out.
    pub fn at(&self, now_seconds: f64) -> (Camera, bool) {
        let t = ((now_seconds - self.started_seconds) / GLIDE_SECONDS).clamp(0.0, 1.0) as f32;
        let eased = t * t * (3.0 - 2.0 * t);
        // Zoom moves in ratio, so the picture grows or shrinks at an even pace.
        let zoom = self.from.zoom * (self.to.zoom / self.from.zoom).powf(eased);
        let center = self.from.center_world + (self.to.center_world - self.from.center_world) * eased;
        (Camera { center_world: center, zoom }, t >= 1.0)
    }
}

/// The story's state in the window.
#[derive(Debug)]
pub struct StoryView {
    /// The step whose view is on the canvas, if any.
    pub shown_step: Option<StepIx>,
    /// Whether the story is being presented: the canvas fills the window.
    pub presenting: bool,
    /// The camera move to the shown step, while it lasts.
    pub glide: Option<Glide>,
    /// The period brushed on the timeline: dated items outside it are dimmed or hidden.
    pub brush: Option<DaySpan>,
    /// Whether what lies outside the brushed period is dimmed or hidden.
    pub outside_period: OutsidePeriod,
    /// The scene of the view as last worked out, and what it was worked out for.
    scene: Scene,
    scene_key: SceneKey,
}

/// What a scene is worked out from: the document as it was, the step shown and the brush.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct SceneKey {
    revision: u64,
    step: Option<StepIx>,
    brush: Option<DaySpan>,
    outside_period: OutsidePeriod,
}

impl StoryView {
    /// The whole case on show, no step, nothing brushed.
    pub fn new(document: &Document) -> Self {
        let mut view = Self {
            shown_step: None,
            presenting: false,
            glide: None,
            brush: None,
            outside_period: OutsidePeriod::Dim,
            scene: Scene::everything(document.case()),
            scene_key: SceneKey { revision: 0, step: None, brush: None, outside_period: OutsidePeriod::Dim },
        };
        view.scene = view.scene_of(document);
        view.scene_key = view.key(document);
        view
    }

    /// What the scene is worked out from now.
    fn key(&self, document: &Document) -> SceneKey {
        SceneKey {
            revision: document.revision(),
            step: self.shown_step,
            brush: self.brush,
            outside_period: self.outside_period,
        }
    }

    /// Works out the scene again when the document, the step shown or the brush changed.
    pub fn refresh(&mut self, document: &Document) {
        if self.shown_step.is_some_and(|step| step.index() >= document.story().len()) {
            self.shown_step = None;
        }
        let key = self.key(document);
        if self.scene_key != key {
            self.scene = self.scene_of(document);
            self.scene_key = key;
        }
    }

    /// The scene of `document` with the step shown and the brush.
    fn scene_of(&self, document: &Document) -> Scene {
        let (case, graph) = (document.case(), document.graph());
        match self.shown_step {
            Some(step) => {
                // The kinds the analyst hides now stay hidden in the step too.
                let step = &case.story.steps[step];
                let mut hidden_kinds = step.hidden_kinds.clone();
                hidden_kinds.extend(document.hidden_kinds().iter().filter(|kind| !step.hidden_kinds.contains(kind)));
                let rules = step.scene_rules();
                let period = self.brush.or(rules.period);
                let outside_period = if self.brush.is_some() { self.outside_period } else { rules.outside_period };
                Scene::of(case, graph, &SceneRules { hidden_kinds: &hidden_kinds, period, outside_period, ..rules })
            }
            None => {
                let rules = SceneRules {
                    hidden_kinds: document.hidden_kinds(),
                    period: self.brush,
                    outside_period: self.outside_period,
                    ..SceneRules::default()
                };
                Scene::of(case, graph, &rules)
            }
        }
    }

    /// The scene of the view: a step's, or the hidden kinds', with the brushed period; as of
    /// the last [`StoryView::refresh`].
    pub fn scene(&self) -> &Scene {
        &self.scene
    }

    /// Starts the camera's glide from `from` (or, with no camera yet, straight at `to`) to `to`.
    pub fn glide_to(&mut self, from: Option<Camera>, to: Camera, now_seconds: f64) {
        self.glide = Some(Glide { from: from.unwrap_or(to), to, started_seconds: now_seconds });
    }
}

/// The camera of a step: its own, or one framing `points` (what it highlights) on `canvas`,
/// never closer than a neighbourhood [`STEP_MIN_SPAN_WORLD`] across.
pub fn step_camera(saved: Option<crate::model::Camera>, mut points: Vec<[f32; 2]>, canvas: Rect) -> Option<Camera> {
    if let Some(camera) = saved {
        return Some(Camera {
            center_world: pos2(camera.center_x as f32, camera.center_y as f32),
            zoom: camera.zoom as f32,
        });
    }
    let first = *points.first()?;
    let (low, high) = points.iter().fold((first, first), |(low, high), [x, y]| {
        ([low[0].min(*x), low[1].min(*y)], [high[0].max(*x), high[1].max(*y)])
    });
    let center = [(low[0] + high[0]) / 2.0, (low[1] + high[1]) / 2.0];
    let half = STEP_MIN_SPAN_WORLD / 2.0;
    points.extend([[center[0] - half, center[1] - half], [center[0] + half, center[1] + half]]);
    Some(Camera::fitting(points, canvas, STEP_MARGIN_POINTS))
}

/// The least width of the world a step's framing shows, in world units (two dozen node radii).
pub const STEP_MIN_SPAN_WORLD: f32 = 24.0 * crate::theme::NODE_RADIUS;

/// Room around what a step frames, in screen points, for labels.
const STEP_MARGIN_POINTS: f32 = 120.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_glide_starts_where_it_was_ends_where_it_goes_and_zooms_evenly() {
        let from = Camera { center_world: pos2(0.0, 0.0), zoom: 1.0 };
        let to = Camera { center_world: pos2(100.0, 50.0), zoom: 4.0 };
        let glide = Glide { from, to, started_seconds: 10.0 };
        assert_eq!(glide.at(10.0), (from, false));
        let (middle, done) = glide.at(10.0 + GLIDE_SECONDS / 2.0);
        assert!(!done);
        assert!((middle.zoom - 2.0).abs() < 1e-4, "half way in ratio: {}", middle.zoom);
        assert!((middle.center_world.x - 50.0).abs() < 1e-3);
        assert_eq!(glide.at(10.0 + GLIDE_SECONDS), (to, true));
        assert_eq!(glide.at(99.0), (to, true));
    }
}
