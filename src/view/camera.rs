//! The transform between world units (the layout's) and screen points (egui's), with the
//! pan and zoom gestures that change it.

use egui::{Pos2, Rect, Vec2, pos2, vec2};

use crate::layout::WorldPoint;

/// Closest and farthest zoom, in screen points per world unit.
pub const ZOOM_RANGE: (f32, f32) = (0.02, 12.0);

/// What part of the world the canvas shows: the world point at the canvas centre and the
/// scale. Screen positions also need the canvas rectangle, which changes with the window.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    /// The world point at the centre of the canvas.
    pub center_world: Pos2,
    /// Screen points per world unit.
    pub zoom: f32,
}

impl Camera {
    /// Where the world point `world` appears on a canvas occupying `canvas`.
    pub fn screen_from_world(&self, canvas: Rect, world: WorldPoint) -> Pos2 {
        canvas.center() + (pos2(world[0], world[1]) - self.center_world) * self.zoom
    }

    /// The world point under the screen point `screen`.
    pub fn world_from_screen(&self, canvas: Rect, screen: Pos2) -> WorldPoint {
        let world = self.center_world + (screen - canvas.center()) / self.zoom;
        [world.x, world.y]
    }

    /// Moves the view with the pointer: the world moves by `screen_delta` on screen.
    pub fn pan_by(&mut self, screen_delta: Vec2) {
        self.center_world -= screen_delta / self.zoom;
    }

    /// Zooms by `factor`, keeping the world point under `screen_anchor` where it is.
    pub fn zoom_around(&mut self, canvas: Rect, screen_anchor: Pos2, factor: f32) {
        if !factor.is_finite() || factor <= 0.0 {
            return;
        }
        let anchor_world = self.world_from_screen(canvas, screen_anchor);
        self.zoom = (self.zoom * factor).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
        let offset = (screen_anchor - canvas.center()) / self.zoom;
        self.center_world = pos2(anchor_world[0], anchor_world[1]) - offset;
    }

    /// The camera that shows all of `points` on `canvas` with `margin_points` to spare on
    /// each side; a default view when there are none.
    pub fn fitting(points: impl IntoIterator<Item = WorldPoint>, canvas: Rect, margin_points: f32) -> Self {
        let mut bounds = Rect::NOTHING;
        for point in points {
            if point.iter().all(|c| c.is_finite()) {
                bounds.extend_with(pos2(point[0], point[1]));
            }
        }
        if !bounds.is_finite() {
            return Self { center_world: Pos2::ZERO, zoom: 1.0 };
        }
        let room = (canvas.size() - Vec2::splat(2.0 * margin_points)).max(vec2(1.0, 1.0));
        let size = bounds.size().max(vec2(1.0, 1.0));
        let zoom = (room.x / size.x).min(room.y / size.y).clamp(ZOOM_RANGE.0, 2.0);
        Self { center_world: bounds.center(), zoom }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canvas() -> Rect {
        Rect::from_min_size(pos2(100.0, 50.0), vec2(800.0, 600.0))
    }

    #[test]
    fn screen_and_world_convert_back_and_forth() {
        let camera = Camera { center_world: pos2(10.0, -20.0), zoom: 2.5 };
        let world = [37.0, 4.5];
        let screen = camera.screen_from_world(canvas(), world);
        let back = camera.world_from_screen(canvas(), screen);
        assert!((back[0] - world[0]).abs() < 1e-4 && (back[1] - world[1]).abs() < 1e-4);
        assert_eq!(camera.screen_from_world(canvas(), [10.0, -20.0]), canvas().center());
    }

    #[test]
    fn zooming_keeps_the_point_under_the_cursor() {
        let mut camera = Camera { center_world: pos2(0.0, 0.0), zoom: 1.0 };
        let cursor = pos2(250.0, 120.0);
        let before = camera.world_from_screen(canvas(), cursor);
        camera.zoom_around(canvas(), cursor, 1.7);
        let after = camera.world_from_screen(canvas(), cursor);
        assert!((before[0] - after[0]).abs() < 1e-3 && (before[1] - after[1]).abs() < 1e-3);
        assert!((camera.zoom - 1.7).abs() < 1e-6);
        camera.zoom_around(canvas(), cursor, 1e9);
        assert_eq!(camera.zoom, ZOOM_RANGE.1);
    }

    #[test]
    fn panning_moves_the_world_with_the_pointer() {
        let mut camera = Camera { center_world: pos2(0.0, 0.0), zoom: 2.0 };
        let before = camera.screen_from_world(canvas(), [5.0, 5.0]);
        camera.pan_by(vec2(30.0, -10.0));
        assert_eq!(camera.screen_from_world(canvas(), [5.0, 5.0]), before + vec2(30.0, -10.0));
    }

    #[test]
    fn fitting_shows_every_point_inside_the_margin() {
        let points = [[-300.0, 40.0], [500.0, -60.0], [0.0, 900.0]];
        let camera = Camera::fitting(points, canvas(), 40.0);
        for point in points {
            let screen = camera.screen_from_world(canvas(), point);
            assert!(canvas().shrink(39.0).contains(screen), "{point:?} at {screen:?}");
        }
        let empty = Camera::fitting([], canvas(), 40.0);
        assert_eq!(empty.zoom, 1.0);
        let single = Camera::fitting([[3.0, 4.0]], canvas(), 40.0);
        assert_eq!(single.center_world, pos2(3.0, 4.0));
    }
}
