//! The canvas's overview of a big case, drawn when too many nodes are on screen to draw each
//! in detail: links as thin lines and nodes as discs in their kind's colour, rasterised once
//! into an image larger than the canvas. Panning only moves that image; it is drawn again
//! when the layout moves, the zoom changes, a kind is hidden or the view leaves it. The
//! graphics driver then draws one picture a frame instead of tens of thousands of triangles.

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

/// The overview picture last drawn, and what part of the world it covers.
#[derive(Default)]
pub struct OverviewCache {
    picture: Option<(OverviewKey, [f32; 2], [f32; 2], TextureHandle)>,
}

impl std::fmt::Debug for OverviewCache {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.debug_struct("OverviewCache").field("drawn", &self.picture.is_some()).finish()
    }
}

impl Clone for OverviewCache {
    /// A copy draws its own picture when first shown.
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl OverviewCache {
    /// Whether the picture kept is for `key` and covers world rectangle `need_low`..`need_high`.
    pub fn is_current(&self, key: &OverviewKey, need_low: [f32; 2], need_high: [f32; 2]) -> bool {
        self.picture.as_ref().is_some_and(|(drawn_key, low, high, _)| {
            let covers =
                low[0] <= need_low[0] && low[1] <= need_low[1] && high[0] >= need_high[0] && high[1] >= need_high[1];
            drawn_key == key && covers
        })
    }

    /// The picture kept, and the world rectangle it covers.
    pub fn latest(&self) -> Option<(&TextureHandle, [f32; 2], [f32; 2])> {
        self.picture.as_ref().map(|(_, low, high, texture)| (texture, *low, *high))
    }

    /// Keeps `image`, drawn for `key` over world rectangle `low`..`high`.
    pub fn keep(&mut self, ctx: &egui::Context, key: OverviewKey, low: [f32; 2], high: [f32; 2], image: ColorImage) {
        let texture = match self.picture.take() {
            Some((.., mut texture)) => {
                texture.set(image, TextureOptions::LINEAR);
                texture
            }
            None => ctx.load_texture("casegraph-overview", image, TextureOptions::LINEAR),
        };
        self.picture = Some((key, low, high, texture));
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

    #[test]
    fn a_kept_picture_serves_only_its_own_key_and_area() {
        let ctx = egui::Context::default();
        let key = OverviewKey { layout_revision: 3, zoom: 0.5, pixels_per_point: 1.0, shown: vec![1] };
        let mut cache = OverviewCache::default();
        assert!(!cache.is_current(&key, [0.0, 0.0], [1.0, 1.0]));
        cache.keep(&ctx, key.clone(), [-100.0, -100.0], [100.0, 100.0], Raster::new(4, 4).into_image());
        assert!(cache.is_current(&key, [-50.0, -50.0], [50.0, 50.0]));
        assert!(!cache.is_current(&key, [-50.0, -50.0], [150.0, 50.0]), "the view left the picture");
        let moved = OverviewKey { layout_revision: 4, ..key.clone() };
        assert!(!cache.is_current(&moved, [-50.0, -50.0], [50.0, 50.0]), "the layout moved");
        assert_eq!(cache.latest().map(|(_, low, high)| (low, high)), Some(([-100.0, -100.0], [100.0, 100.0])));
    }
}
