//! How the case is presented: the layout's seed and positions, and the view with its camera
//! and figure settings.

use indexmap::IndexMap;

use super::keys::{CameraKey, FigureKey, LayoutKey, ObjectKeys, PositionKey, ViewKey};
use super::{Decoder, ObjectInfo, Read};
use crate::model::case::{Camera, Layout, Position, View};
use crate::model::figure_settings::{
    FIGURE_DPI_RANGE, FIGURE_SCALE_RANGE, FIGURE_WIDTH_MM_RANGE, FIGURE_WIDTH_RANGE, FigureSettings, FigureSize,
};
use crate::model::id::Id;
use crate::model::json_path::PathRef;
use crate::model::spanned_json::{Next, Scanner};

/// A size key, its value, its allowed range and its unit.
type SizeKeyRange = (FigureKey, Option<f64>, (f64, f64), &'static str);

/// The size keys of a figure as read, before they are checked together.
#[derive(Clone, Copy, Default)]
struct SizeKeys {
    width: Option<f64>,
    scale: Option<f64>,
    width_mm: Option<f64>,
    dpi: Option<f64>,
}

impl SizeKeys {
    /// Each size key, its value, its allowed range and its unit, in the order they are checked.
    fn ranges(self) -> [SizeKeyRange; 4] {
        [
            (FigureKey::Width, self.width, FIGURE_WIDTH_RANGE, "pixels"),
            (FigureKey::Scale, self.scale, FIGURE_SCALE_RANGE, "(PNG pixels per figure pixel)"),
            (FigureKey::WidthMm, self.width_mm, FIGURE_WIDTH_MM_RANGE, "mm"),
            (FigureKey::Dpi, self.dpi, FIGURE_DPI_RANGE, "dots per inch"),
        ]
    }

    /// Whether every size key given is within its range.
    fn in_range(self) -> bool {
        self.ranges()
            .into_iter()
            .all(|(_, value, (low, high), _)| value.is_none_or(|value| (low..=high).contains(&value)))
    }
}

impl Decoder<'_, '_> {
    pub(super) fn layout(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Layout> {
        let mut layout = Layout::default();
        self.object(s, path, |d, s, key, p| {
            match key {
                LayoutKey::Seed => layout.seed = d.whole_number(s, p)?.unwrap_or(0),
                LayoutKey::Positions => layout.positions = d.positions(s, p)?,
            }
            Ok(())
        })?;
        Ok(layout)
    }

    fn positions(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<IndexMap<Id, Position>> {
        let mut positions = IndexMap::new();
        if s.next()? != Next::Object {
            self.type_error(s, path, "an object keyed by node id")?;
            return Ok(positions);
        }
        let mut cursor = s.begin_object()?;
        while let Some((key, key_offset)) = s.next_key(&mut cursor)? {
            let key_path = path.key(&key);
            if let Err(error) = Id::check(&key) {
                self.error(&key_path, key_offset, format!("bad id {key:?}: {error}"), None);
            }
            let id = Id::unchecked(&key);
            if positions.contains_key(&id) {
                self.error(&key_path, key_offset, format!("node `{id}` has two positions"), None);
                s.skip_value()?;
            } else if let Some(position) = self.position(s, &key_path)? {
                positions.insert(id, position);
            }
        }
        Ok(positions)
    }

    fn position(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<Position>> {
        let (mut x, mut y, mut pinned) = (None, None, None);
        let object = self.object(s, path, |d, s, key, p| {
            match key {
                PositionKey::X => x = d.number(s, p)?,
                PositionKey::Y => y = d.number(s, p)?,
                PositionKey::Pinned => pinned = d.boolean(s, p)?,
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        self.require_all::<PositionKey>(&object, path);
        let (Some(x), Some(y)) = (x, y) else { return Ok(None) };
        Ok(Some(Position { x, y, pinned: pinned.unwrap_or(false) }))
    }

    pub(super) fn view(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<View> {
        let mut view = View::default();
        self.object(s, path, |d, s, key, p| {
            match key {
                ViewKey::Camera => view.camera = d.camera(s, p)?,
                ViewKey::Figure => view.figure = d.figure(s, p)?,
                ViewKey::HiddenKinds => view.hidden_kinds = d.list(s, p, Self::vocabulary)?,
            }
            Ok(())
        })?;
        Ok(view)
    }

    fn figure(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<FigureSettings>> {
        let mut settings = FigureSettings::default();
        let mut size = SizeKeys::default();
        let object = self.object(s, path, |d, s, key, p| {
            match key {
                FigureKey::Extent => settings.extent = d.vocabulary(s, p)?.unwrap_or_default(),
                FigureKey::Width => size.width = d.number(s, p)?,
                FigureKey::WidthMm => size.width_mm = d.number(s, p)?,
                FigureKey::Dpi => size.dpi = d.number(s, p)?,
                FigureKey::Scale => size.scale = d.number(s, p)?,
                FigureKey::Background => settings.background = d.vocabulary(s, p)?.unwrap_or_default(),
                FigureKey::Title => settings.title = d.string(s, p)?,
                FigureKey::Caption => settings.caption = d.text(s, p)?,
                FigureKey::Legend => settings.legend = d.boolean(s, p)?.unwrap_or(settings.legend),
                FigureKey::Sources => settings.sources = d.vocabulary(s, p)?.unwrap_or_default(),
                FigureKey::Support => settings.support = d.boolean(s, p)?.unwrap_or(settings.support),
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        let Some(figure_size) = self.figure_size(&object, path, size) else { return Ok(None) };
        settings.size = figure_size;
        if let Some(problem) = settings.problem().filter(|_| size.in_range()) {
            let key = [FigureKey::WidthMm, FigureKey::Dpi, FigureKey::Width, FigureKey::Scale]
                .into_iter()
                .find(|&key| object.has(key))
                .unwrap_or(FigureKey::Width);
            self.error(&path.key(key.name()), object.key_offset(key), problem, None);
        }
        Ok(Some(settings))
    }

    /// The figure's size from its size keys, reporting each out of range; `None` when the
    /// keys mix a size in pixels with one for print.
    fn figure_size(&mut self, object: &ObjectInfo, path: &PathRef<'_>, size: SizeKeys) -> Option<FigureSize> {
        for (key, value, (low, high), unit) in size.ranges() {
            if let Some(value) = value.filter(|value| !(low..=high).contains(value)) {
                let name = key.name();
                let message = format!("{name} must be from {low} to {high} {unit}, not {value}");
                self.error(&path.key(name), object.key_offset(key), message, None);
            }
        }
        // A size is given in pixels (`width`, `scale`) or for print (`width_mm`, `dpi`).
        let pixels = size.width.is_some() || size.scale.is_some();
        let mistake = match (pixels, size.width_mm, size.dpi) {
            (true, Some(_), _) => {
                Some((FigureKey::WidthMm, "`width_mm` is for print sizes, and this size is in pixels"))
            }
            (true, None, Some(_)) => Some((FigureKey::Dpi, "`dpi` is for print sizes, and this size is in pixels")),
            (false, None, Some(_)) => Some((FigureKey::Dpi, "`dpi` needs `width_mm`, the printed width")),
            _ => None,
        };
        if let Some((key, message)) = mistake {
            let help = "use `width` (and `scale`) for a screen size in pixels, or `width_mm` (and `dpi`) for print";
            self.error(&path.key(key.name()), object.key_offset(key), message, Some(help.to_owned()));
            return None;
        }
        Some(match size.width_mm {
            Some(width_mm) => FigureSize::Print { width_mm, dpi: size.dpi.unwrap_or(300.0) },
            None => FigureSize::Pixels { width: size.width.unwrap_or(1200.0), scale: size.scale.unwrap_or(1.0) },
        })
    }

    pub(super) fn camera(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<Camera>> {
        let (mut center_x, mut center_y, mut zoom) = (None, None, None);
        let object = self.object(s, path, |d, s, key, p| {
            match key {
                CameraKey::CenterX => center_x = d.number(s, p)?,
                CameraKey::CenterY => center_y = d.number(s, p)?,
                CameraKey::Zoom => zoom = d.number(s, p)?,
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        self.require_all::<CameraKey>(&object, path);
        if let Some(zoom) = zoom
            && zoom <= 0.0
        {
            let offset = object.key_offset(CameraKey::Zoom);
            self.error(&path.key("zoom"), offset, format!("zoom must be above 0, not {zoom}"), None);
            return Ok(None);
        }
        let (Some(center_x), Some(center_y), Some(zoom)) = (center_x, center_y, zoom) else { return Ok(None) };
        Ok(Some(Camera { center_x, center_y, zoom }))
    }
}
