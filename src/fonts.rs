//! The fonts bundled with casegraph, shared by the window and the figure export so that both
//! show Latin, Cyrillic and Korean names the same way on any machine.

/// A bundled font: its family name and its TrueType bytes.
#[derive(Clone, Copy, Debug)]
pub struct BundledFont {
    /// The family name inside the font file.
    pub family: &'static str,
    /// The font file.
    pub bytes: &'static [u8],
}

/// DejaVu Sans: Latin, Cyrillic, arrows and signs. The figures' main text face.
pub const DEJAVU_SANS: BundledFont =
    BundledFont { family: "DejaVu Sans", bytes: include_bytes!("../assets/fonts/DejaVuSans.ttf") };

/// DejaVu Sans Bold: figure titles.
pub const DEJAVU_SANS_BOLD: BundledFont =
    BundledFont { family: "DejaVu Sans", bytes: include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf") };

/// DejaVu Sans Oblique: figure captions.
pub const DEJAVU_SANS_OBLIQUE: BundledFont =
    BundledFont { family: "DejaVu Sans", bytes: include_bytes!("../assets/fonts/DejaVuSans-Oblique.ttf") };

/// NanumGothic: Korean (Hangul).
pub const NANUM_GOTHIC: BundledFont =
    BundledFont { family: "NanumGothic", bytes: include_bytes!("../assets/fonts/NanumGothic.ttf") };

/// The regular faces, in the order to try them for a character: the window's fonts.
pub const BUNDLED_FONTS: [BundledFont; 2] = [DEJAVU_SANS, NANUM_GOTHIC];

/// Every face a figure may use: the regular ones, and the bold and oblique styles of the first.
pub const FIGURE_FONTS: [BundledFont; 4] = [DEJAVU_SANS, DEJAVU_SANS_BOLD, DEJAVU_SANS_OBLIQUE, NANUM_GOTHIC];
