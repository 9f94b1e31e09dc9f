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

/// NanumGothic: Korean (Hangul).
pub const NANUM_GOTHIC: BundledFont =
    BundledFont { family: "NanumGothic", bytes: include_bytes!("../assets/fonts/NanumGothic.ttf") };

/// Every bundled font, in the order to try them for a character.
pub const BUNDLED_FONTS: [BundledFont; 2] = [DEJAVU_SANS, NANUM_GOTHIC];
