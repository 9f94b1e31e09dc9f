//! The canvas's overview of a big case, drawn when too many nodes are on screen to draw each
//! in detail: links as thin lines and nodes as discs in their kind's colour, rasterised once
//! into an image larger than the canvas. Panning only moves that image; it is drawn again
//! when the zoom changes, a kind is hidden or the view leaves it, and while the layout runs,
//! as often as leaves the window most of its time. The graphics driver then draws one
//! picture a frame instead of tens of thousands of triangles.

use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use egui::{Color32, ColorImage, Pos2, TextureHandle, TextureOptions};

/// An image being drawn, in physical pixels, premultiplied alpha. Lines are drawn first, as
/// ink: each adds how much of a pixel it covers, and [`Raster::finish_lines`] turns the ink
/// into colour once, so a hundred thousand lines cost an addition per pixel they cross.
/// Discs are then laid over the lines.
pub struct Raster {
    width: usize,
    height: usize,
    pixels: Vec<Color32>,
    ink: Vec<f32>,
}

impl Raster {
    /// A transparent image.
    pub fn new(width: usize, height: usize) -> Self {
        Self { width, height, pixels: vec![Color32::TRANSPARENT; width * height], ink: vec![0.0; width * height] }
    }

    fn add_ink(&mut self, x: i64, y: i64, coverage: f32) {
        if x >= 0 && y >= 0 && x < self.width as i64 && y < self.height as i64 {
            self.ink[y as usize * self.width + x as usize] += coverage;
        }
    }

    /// A line one pixel wide, anti-aliased (Xiaolin Wu's method), clipped to the image.
    pub fn line(&mut self, from: Pos2, to: Pos2) {
        if !(from.x.is_finite() && from.y.is_finite() && to.x.is_finite() && to.y.is_finite()) {
            return;
        }
        // Walk along the longer axis one pixel a step, sharing each step between the two
        // pixels whose centres the line passes between.
        let steep = (to.y - from.y).abs() > (to.x - from.x).abs();
        let (mut a, mut b) = if steep { ((from.y, from.x), (to.y, to.x)) } else { ((from.x, from.y), (to.x, to.y)) };
        if a.0 > b.0 {
            std::mem::swap(&mut a, &mut b);
        }
        let run = b.0 - a.0;
        let gradient = if run == 0.0 { 0.0 } else { (b.1 - a.1) / run };
        let along_limit = if steep { self.height } else { self.width } as f32;
        let first = a.0.floor().max(0.0);
        let last = b.0.floor().min(along_limit - 1.0);
        if first > last {
            return;
        }
        // Across the line, measured from pixel centres.
        let mut across = a.1 + gradient * (first + 0.5 - a.0) - 0.5;
        for along in first as i64..=last as i64 {
            let below = across.floor();
            let share = across - below;
            let (near, far) = (below as i64, below as i64 + 1);
            if steep {
                self.add_ink(near, along, 1.0 - share);
                self.add_ink(far, along, share);
            } else {
                self.add_ink(along, near, 1.0 - share);
                self.add_ink(along, far, share);
            }
            across += gradient;
        }
    }

    /// Turns the lines' ink into `colour`: one whole line over a pixel gives `colour`, and
    /// each further line lays the same colour over it again. Lines drawn after this are lost.
    pub fn finish_lines(&mut self, colour: Color32) {
        let opacity = (f32::from(colour.a()) / 255.0).clamp(0.0, 0.99);
        let per_line = -(1.0 - opacity).ln();
        let [r, g, b, a] = colour.to_array().map(f32::from);
        let scale_of = |ink: f32| if opacity > 0.0 { (1.0 - (-per_line * ink).exp()) / opacity } else { 0.0 };
        for (pixel, ink) in self.pixels.iter_mut().zip(std::mem::take(&mut self.ink)) {
            if ink > 0.0 {
                let scale = scale_of(ink);
                let channel = |value: f32| (value * scale).round().min(255.0) as u8;
                *pixel = Color32::from_rgba_premultiplied(channel(r), channel(g), channel(b), channel(a));
            }
        }
    }

    /// Lays `colour` over pixel (`x`, `y`) with `coverage` from 0 to 1.
    fn blend(&mut self, x: i64, y: i64, colour: Color32, coverage: f32) {
        if x < 0 || y < 0 || x >= self.width as i64 || y >= self.height as i64 || coverage <= 0.0 {
            return;
        }
        let pixel = &mut self.pixels[y as usize * self.width + x as usize];
        let source = colour.to_array().map(|channel| f32::from(channel) * coverage.min(1.0));
        let keep = 1.0 - source[3] / 255.0;
        let [r, g, b, a] = pixel.to_array();
        let over = |source: f32, below: u8| (source + f32::from(below) * keep).round().min(255.0) as u8;
        *pixel = Color32::from_rgba_premultiplied(
            over(source[0], r),
            over(source[1], g),
            over(source[2], b),
            over(source[3], a),
        );
    }

    /// A filled disc with a soft edge.
    pub fn disc(&mut self, center: Pos2, radius: f32, colour: Color32) {
        if !(center.x.is_finite() && center.y.is_finite() && radius.is_finite()) {
            return;
        }
        let reach = radius + 1.0;
        let (low_x, high_x) = ((center.x - reach).floor() as i64, (center.x + reach).ceil() as i64);
        let (low_y, high_y) = ((center.y - reach).floor() as i64, (center.y + reach).ceil() as i64);
        if high_x < 0 || high_y < 0 || low_x >= self.width as i64 || low_y >= self.height as i64 {
            return;
        }
        for y in low_y..=high_y {
            for x in low_x..=high_x {
                let distance = Pos2::new(x as f32 + 0.5, y as f32 + 0.5).distance(center);
                self.blend(x, y, colour, (radius + 0.5 - distance).clamp(0.0, 1.0));
            }
        }
    }

    /// The finished image.
    pub fn into_image(self) -> ColorImage {
        ColorImage::new([self.width, self.height], self.pixels)
    }
}

/// What an overview picture shows; a picture is drawn again when any of it changes.
#[derive(Clone, Debug, PartialEq)]
pub struct OverviewKey {
    /// The layout revision.
    pub layout_revision: u64,
    /// Screen points per world unit.
    pub zoom: f32,
    /// Physical pixels per screen point.
    pub pixels_per_point: f32,
    /// Everything else that changes the picture: which kinds are hidden, say.
    pub shown: Vec<u8>,
}

/// Everything one overview picture shows, copied out of the case so that it can be drawn on
/// another thread while the window goes on: node positions, the links and nodes shown, and
/// the colours and sizes, in the picture's pixels.
#[derive(Clone, Debug)]
pub struct OverviewScene {
    /// What the picture is for.
    pub key: OverviewKey,
    /// The world rectangle the picture covers.
    pub low: [f32; 2],
    /// See [`OverviewScene::low`].
    pub high: [f32; 2],
    /// The picture's size in physical pixels.
    pub size: [usize; 2],
    /// Physical pixels per world unit.
    pub pixels_per_world: f32,
    /// Every node's position, indexed like the case's nodes.
    pub positions: Vec<[f32; 2]>,
    /// The shown links, as the indices of their two ends.
    pub lines: Vec<(u32, u32)>,
    /// The colour of a link drawn alone.
    pub line_colour: Color32,
    /// The shown nodes and their colours.
    pub discs: Vec<(u32, Color32)>,
    /// A disc's radius in physical pixels.
    pub disc_radius: f32,
}

impl OverviewScene {
    /// The picture: lines first, then discs over them.
    pub fn draw(&self) -> ColorImage {
        let mut raster = Raster::new(self.size[0], self.size[1]);
        let pixel_of = |node: u32| {
            let [x, y] = self.positions.get(node as usize).copied().unwrap_or([f32::NAN; 2]);
            Pos2::new((x - self.low[0]) * self.pixels_per_world, (y - self.low[1]) * self.pixels_per_world)
        };
        for &(source, target) in &self.lines {
            raster.line(pixel_of(source), pixel_of(target));
        }
        raster.finish_lines(self.line_colour);
        for &(node, fill) in &self.discs {
            raster.disc(pixel_of(node), self.disc_radius, fill);
        }
        raster.into_image()
    }
}

/// How long a picture that still covers the view waits before it is drawn again for a
/// moved layout or a new zoom, in multiples of the last picture's drawing time: the painter
/// then takes at most a third of a core, and the layout and the window keep the rest.
const PAUSE_PER_DRAWING_TIME: u32 = 2;

/// The overview picture last drawn, and the thread that draws the next: a big case's picture
/// takes a tenth of a second or more, which the window cannot spare in a frame. Until the new
/// picture is ready, the last one stays on screen, placed by the world rectangle it covers.
#[derive(Default)]
pub struct OverviewCache {
    picture: Option<Picture>,
    painter: Option<Painter>,
    /// Whether a picture is being drawn: only one at a time, so the painter never falls behind.
    drawing: bool,
    /// Before this, a picture that still covers the view is not drawn again.
    pause_until: Option<Instant>,
    /// Whether the picture kept is out of date and waiting for the pause to end.
    waiting: bool,
}

struct Picture {
    key: OverviewKey,
    low: [f32; 2],
    high: [f32; 2],
    texture: TextureHandle,
}

impl Picture {
    /// Whether the picture covers world rectangle `need_low`..`need_high`.
    fn covers(&self, need_low: [f32; 2], need_high: [f32; 2]) -> bool {
        self.low[0] <= need_low[0]
            && self.low[1] <= need_low[1]
            && self.high[0] >= need_high[0]
            && self.high[1] >= need_high[1]
    }
}

/// The drawing thread's two ends. Dropping them ends the thread once it has finished the
/// picture in hand.
struct Painter {
    scenes: Sender<OverviewScene>,
    /// Each picture, with how long it took to draw.
    pictures: Receiver<(OverviewScene, ColorImage, Duration)>,
}

impl Painter {
    /// A thread that draws each scene it is sent, sends the picture back and asks `ctx` for a
    /// frame to show it. `None` if no thread can be started.
    fn start(ctx: &egui::Context) -> Option<Self> {
        let (scenes, scene_queue) = mpsc::channel::<OverviewScene>();
        let (picture_sender, pictures) = mpsc::channel();
        let ctx = ctx.clone();
        let thread = std::thread::Builder::new().name("overview painter".to_owned()).spawn(move || {
            while let Ok(scene) = scene_queue.recv() {
                let started = Instant::now();
                let image = scene.draw();
                if picture_sender.send((scene, image, started.elapsed())).is_err() {
                    break;
                }
                ctx.request_repaint();
            }
        });
        thread.ok().map(|_| Self { scenes, pictures })
    }
}

impl std::fmt::Debug for OverviewCache {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("OverviewCache")
            .field("drawn", &self.picture.is_some())
            .field("drawing", &self.drawing)
            .finish()
    }
}

impl OverviewCache {
    /// Whether the picture kept is for `key` and covers world rectangle `need_low`..`need_high`.
    pub fn is_current(&self, key: &OverviewKey, need_low: [f32; 2], need_high: [f32; 2]) -> bool {
        self.picture.as_ref().is_some_and(|picture| picture.key == *key && picture.covers(need_low, need_high))
    }

    /// Keeps the picture for `key` over `need_low`..`need_high` coming: takes a finished
    /// picture from the painter, and when the one kept is not current and none is being
    /// drawn, sends the painter the scene `scene` describes. A picture that still covers the
    /// view is drawn again only after a pause twice as long as the last drawing took, and a
    /// frame is asked for when the pause ends. Where no thread can be started the scene is
    /// drawn here and now.
    pub fn refresh(
        &mut self,
        ctx: &egui::Context,
        key: &OverviewKey,
        (need_low, need_high): ([f32; 2], [f32; 2]),
        scene: impl FnOnce() -> OverviewScene,
    ) {
        let finished = self.painter.as_ref().and_then(|painter| painter.pictures.try_iter().last());
        if let Some((scene, image, drawing_time)) = finished {
            self.drawing = false;
            self.pause_until = Some(Instant::now() + drawing_time * PAUSE_PER_DRAWING_TIME);
            self.keep(ctx, scene, image);
        }
        self.waiting = false;
        if self.drawing || self.is_current(key, need_low, need_high) {
            return;
        }
        let covers = self.picture.as_ref().is_some_and(|picture| picture.covers(need_low, need_high));
        if let Some(pause_left) = self.pause_until.and_then(|until| until.checked_duration_since(Instant::now()))
            && covers
        {
            self.waiting = true;
            ctx.request_repaint_after(pause_left);
            return;
        }
        if self.painter.is_none() {
            self.painter = Painter::start(ctx);
        }
        let scene = scene();
        match &self.painter {
            Some(painter) => {
                self.drawing = true;
                if let Err(mpsc::SendError(scene)) = painter.scenes.send(scene) {
                    self.painter = None;
                    self.drawing = false;
                    let image = scene.draw();
                    self.keep(ctx, scene, image);
                }
            }
            None => {
                let image = scene.draw();
                self.keep(ctx, scene, image);
            }
        }
    }

    /// Whether the picture on screen is about to change: a new one is being drawn or waits
    /// for its turn.
    pub fn is_behind(&self) -> bool {
        self.drawing || self.waiting
    }

    /// The picture kept, and the world rectangle it covers.
    pub fn latest(&self) -> Option<(&TextureHandle, [f32; 2], [f32; 2])> {
        self.picture.as_ref().map(|picture| (&picture.texture, picture.low, picture.high))
    }

    /// Puts `image` on screen. It is sampled nearest-pixel: it was drawn at the screen's pixel
    /// size, and a software renderer blends four texels a pixel for smooth sampling.
    fn keep(&mut self, ctx: &egui::Context, scene: OverviewScene, image: ColorImage) {
        let texture = match self.picture.take() {
            Some(Picture { mut texture, .. }) => {
                texture.set(image, TextureOptions::NEAREST);
                texture
            }
            None => ctx.load_texture("casegraph-overview", image, TextureOptions::NEAREST),
        };
        self.picture = Some(Picture { key: scene.key, low: scene.low, high: scene.high, texture });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    fn alpha_at(image: &ColorImage, x: usize, y: usize) -> u8 {
        image.pixels[y * image.size[0] + x].a()
    }

    #[test]
    fn a_line_through_pixel_centres_fills_one_pixel_a_step_and_nothing_off_it() {
        let grey = Color32::from_black_alpha(100);
        let mut raster = Raster::new(20, 10);
        raster.line(pos2(2.0, 4.5), pos2(17.5, 4.5));
        raster.finish_lines(grey);
        let image = raster.into_image();
        for x in 2..=17 {
            assert!(alpha_at(&image, x, 4).abs_diff(100) <= 1, "pixel {x} has {}", alpha_at(&image, x, 4));
            assert_eq!(alpha_at(&image, x, 3) + alpha_at(&image, x, 5), 0);
        }
        assert_eq!(alpha_at(&image, 0, 4), 0);
        assert_eq!(alpha_at(&image, 19, 4), 0);
    }

    #[test]
    fn a_disc_is_solid_inside_and_clear_outside_and_off_image_input_is_harmless() {
        let mut raster = Raster::new(20, 20);
        raster.line(pos2(-1e9, -1e9), pos2(1e9, 1e9));
        raster.line(pos2(f32::INFINITY, 0.0), pos2(1.0, 1.0));
        raster.finish_lines(Color32::RED.gamma_multiply(0.0));
        raster.disc(pos2(10.0, 10.0), 4.0, Color32::BLUE);
        raster.disc(pos2(f32::NAN, 3.0), 4.0, Color32::BLUE);
        raster.disc(pos2(-500.0, 3.0), 4.0, Color32::BLUE);
        let image = raster.into_image();
        assert_eq!(image.pixels[10 * 20 + 10], Color32::BLUE);
        assert_eq!(alpha_at(&image, 10, 15), 0);
        assert_eq!(alpha_at(&image, 1, 1), 0);
    }

    #[test]
    fn where_lines_cross_their_colour_builds_up_as_if_laid_one_over_the_other() {
        let grey = Color32::from_black_alpha(100);
        let mut raster = Raster::new(9, 9);
        raster.line(pos2(0.0, 4.5), pos2(8.5, 4.5));
        raster.line(pos2(4.5, 0.0), pos2(4.5, 8.5));
        raster.finish_lines(grey);
        let crossing = raster.pixels[4 * 9 + 4].a();
        // Two layers of opacity 100/255: 1 - (1 - 100/255)² of 255.
        assert!(crossing.abs_diff(161) <= 1, "{crossing}");
        assert!(raster.pixels[4 * 9 + 1].a().abs_diff(100) <= 1);
    }

    fn scene(key: &OverviewKey, low: [f32; 2], high: [f32; 2]) -> OverviewScene {
        OverviewScene {
            key: key.clone(),
            low,
            high,
            size: [20, 20],
            pixels_per_world: 0.1,
            positions: vec![[-50.0, -50.0], [50.0, 50.0], [f32::NAN, 0.0]],
            lines: vec![(0, 1), (1, 2), (7, 0)],
            line_colour: Color32::from_black_alpha(100),
            discs: vec![(0, Color32::RED), (2, Color32::BLUE)],
            disc_radius: 2.0,
        }
    }

    /// Runs frames until the picture for `key` is on screen, with `make` describing it when
    /// its turn comes.
    fn wait_for_picture(
        cache: &mut OverviewCache,
        ctx: &egui::Context,
        key: &OverviewKey,
        area: ([f32; 2], [f32; 2]),
        make: impl Fn() -> OverviewScene,
    ) {
        for _ in 0..1_000 {
            cache.refresh(ctx, key, area, &make);
            if cache.is_current(key, area.0, area.1) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("the picture never came");
    }

    #[test]
    fn a_scene_draws_its_lines_and_discs_and_skips_what_is_not_finite_or_missing() {
        let key = OverviewKey { layout_revision: 1, zoom: 0.1, pixels_per_point: 1.0, shown: vec![] };
        let image = scene(&key, [-100.0, -100.0], [100.0, 100.0]).draw();
        assert_eq!(image.size, [20, 20]);
        let at = |x: usize, y: usize| image.pixels[y * 20 + x];
        assert_eq!(at(5, 5), Color32::RED, "node 0's disc, over the line's end");
        assert!(at(10, 10).a() > 0 && at(10, 10).r() == 0, "the line through the middle");
        assert_eq!(at(2, 17), Color32::TRANSPARENT);
    }

    #[test]
    fn the_painter_draws_off_the_window_thread_one_picture_at_a_time_and_keeps_the_last_on_screen() {
        let ctx = egui::Context::default();
        let key = OverviewKey { layout_revision: 3, zoom: 0.5, pixels_per_point: 1.0, shown: vec![1] };
        let view = ([-50.0, -50.0], [50.0, 50.0]);
        let mut cache = OverviewCache::default();
        assert!(!cache.is_current(&key, view.0, view.1));
        cache.refresh(&ctx, &key, view, || scene(&key, [-100.0, -100.0], [100.0, 100.0]));
        assert!(cache.is_behind() || cache.latest().is_some());
        let moved = OverviewKey { layout_revision: 4, ..key.clone() };
        // While one picture is drawn, nothing more is asked for.
        if cache.is_behind() {
            cache.refresh(&ctx, &moved, view, || panic!("a second picture was started"));
        }
        wait_for_picture(&mut cache, &ctx, &key, view, || panic!("the first picture was asked for twice"));
        assert!(cache.is_current(&key, view.0, view.1));
        assert!(!cache.is_current(&key, [-50.0, -50.0], [150.0, 50.0]), "the view left the picture");
        assert!(!cache.is_current(&moved, view.0, view.1), "the layout moved");
        assert_eq!(cache.latest().map(|(_, low, high)| (low, high)), Some(([-100.0, -100.0], [100.0, 100.0])));
        // The layout moved: the old picture stays until the new one is ready.
        cache.refresh(&ctx, &moved, view, || scene(&moved, [-90.0, -90.0], [90.0, 90.0]));
        assert!(cache.latest().is_some());
        wait_for_picture(&mut cache, &ctx, &moved, view, || scene(&moved, [-90.0, -90.0], [90.0, 90.0]));
        assert!(cache.is_current(&moved, view.0, view.1));
    }

    #[test]
    fn a_picture_that_still_covers_the_view_waits_its_turn_and_one_that_does_not_is_drawn_at_once() {
        let ctx = egui::Context::default();
        let key = OverviewKey { layout_revision: 1, zoom: 0.5, pixels_per_point: 1.0, shown: vec![] };
        let view = ([-50.0, -50.0], [50.0, 50.0]);
        let mut cache = OverviewCache::default();
        wait_for_picture(&mut cache, &ctx, &key, view, || scene(&key, [-100.0, -100.0], [100.0, 100.0]));
        cache.pause_until = Some(Instant::now() + Duration::from_secs(3_600));
        let moved = OverviewKey { layout_revision: 2, ..key.clone() };
        cache.refresh(&ctx, &moved, view, || panic!("drawn again during the pause"));
        assert!(cache.is_behind(), "the picture is out of date and waits for its turn");
        assert!(cache.latest().is_some(), "the old picture stays on screen meanwhile");
        let mut asked = false;
        cache.refresh(&ctx, &moved, ([-50.0, -50.0], [150.0, 50.0]), || {
            asked = true;
            scene(&moved, [-200.0, -200.0], [200.0, 200.0])
        });
        assert!(asked, "the view left the picture, so the next one is drawn without waiting");
    }
}
