//! File → Copy screenshot and Save screenshot…: the window as it is, for quick sharing (the
//! figure export is the publication path). The picture arrives a frame after it is asked for,
//! so the request waits here until then.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// What to do with the picture of the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScreenshotUse {
    /// Put it on the clipboard.
    Copy,
    /// Write it as a PNG file here.
    Save(PathBuf),
}

/// Frames to let pass before the picture is taken, so the menu that asked for it has closed.
const FRAMES_BEFORE_PICTURE: u8 = 2;

/// A screenshot asked for and not yet arrived.
pub struct PendingScreenshot {
    purpose: ScreenshotUse,
    frames_to_wait: u8,
    image: Option<Arc<Mutex<Option<Arc<egui::ColorImage>>>>>,
}

impl PendingScreenshot {
    /// A picture of the window to be used for `purpose`, taken a couple of frames from now.
    pub fn new(purpose: ScreenshotUse) -> Self {
        Self { purpose, frames_to_wait: FRAMES_BEFORE_PICTURE, image: None }
    }

    /// Moves the request on by one frame; returns the purpose and the picture once it has
    /// arrived.
    pub fn step(&mut self, ctx: &egui::Context) -> Option<(ScreenshotUse, Arc<egui::ColorImage>)> {
        let Some(image) = &self.image else {
            if self.frames_to_wait > 0 {
                self.frames_to_wait -= 1;
                ctx.request_repaint();
                return None;
            }
            let image = Arc::new(Mutex::new(None));
            let (slot, ctx_for_repaint) = (Arc::clone(&image), ctx.clone());
            ctx.request_screenshot(move |arrived| {
                if let Ok(mut slot) = slot.lock() {
                    *slot = Some(arrived);
                }
                ctx_for_repaint.request_repaint();
            });
            self.image = Some(image);
            return None;
        };
        let arrived = image.lock().ok()?.take()?;
        Some((self.purpose.clone(), arrived))
    }
}

/// Why a picture of the window was not written.
#[derive(Debug, thiserror::Error)]
pub enum ScreenshotError {
    /// It could not be encoded as PNG.
    #[error("cannot encode the screenshot as PNG: {0}")]
    Encode(#[from] png::EncodingError),
    /// It could not be written.
    #[error(transparent)]
    Write(#[from] crate::document::WriteError),
    /// The window closed before the picture was taken.
    #[error("the window closed before the screenshot was taken")]
    NotTaken,
}

/// Writes `image` as a PNG file at `path`.
pub fn write_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(), ScreenshotError> {
    let bytes = png_bytes(image)?;
    crate::document::replace_atomically(path, &bytes)?;
    Ok(())
}

/// `image` as the bytes of an 8-bit RGBA PNG.
pub fn png_bytes(image: &egui::ColorImage) -> Result<Vec<u8>, png::EncodingError> {
    let [width, height] = image.size;
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width as u32, height as u32);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    let pixels: Vec<u8> = image.pixels.iter().flat_map(|pixel| pixel.to_srgba_unmultiplied()).collect();
    writer.write_image_data(&pixels)?;
    writer.finish()?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_screenshot_becomes_a_png_of_its_size_and_pixels() {
        let image = egui::ColorImage::filled([3, 2], egui::Color32::from_rgb(10, 20, 30));
        let bytes = png_bytes(&image).expect("encoded");
        let mut reader = png::Decoder::new(std::io::Cursor::new(bytes)).read_info().expect("a PNG");
        let mut pixels = vec![0; reader.output_buffer_size().expect("a size")];
        let info = reader.next_frame(&mut pixels).expect("a frame");
        assert_eq!((info.width, info.height), (3, 2));
        assert_eq!(&pixels[..4], &[10, 20, 30, 255]);
    }
}
