//! Where node labels go: beside their node, touching it, on the first side where they cover no
//! other label or node, placed best-connected first. A label never moves away from its node to
//! find room: the canvas leaves out a label that has no free side (zooming in makes room); a
//! printed figure has no zoom, so it tries shorter forms of the label, and failing those takes
//! the side that covers least. Shared by the window and the export so both follow one rule.

use rustc_hash::FxHashMap;

/// An axis-aligned box, y down, in whatever units the caller draws in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Area {
    /// The top-left corner.
    pub min: [f32; 2],
    /// The bottom-right corner.
    pub max: [f32; 2],
}

impl Area {
    /// The box of `size` centred on `center`.
    pub fn around(center: [f32; 2], size: [f32; 2]) -> Self {
        Self {
            min: [center[0] - size[0] / 2.0, center[1] - size[1] / 2.0],
            max: [center[0] + size[0] / 2.0, center[1] + size[1] / 2.0],
        }
    }

    /// The box grown by `margin` on every side.
    pub fn grown(self, margin: f32) -> Self {
        Self { min: [self.min[0] - margin, self.min[1] - margin], max: [self.max[0] + margin, self.max[1] + margin] }
    }

    /// The area the two boxes share (zero when they only touch).
    pub fn overlap(&self, other: &Area) -> f32 {
        let width = self.max[0].min(other.max[0]) - self.min[0].max(other.min[0]);
        let height = self.max[1].min(other.max[1]) - self.min[1].max(other.min[1]);
        if width > 0.0 && height > 0.0 { width * height } else { 0.0 }
    }

    /// How much of this box lies outside `frame`.
    fn outside(&self, frame: &Area) -> f32 {
        let size = (self.max[0] - self.min[0]) * (self.max[1] - self.min[1]);
        size - self.overlap(frame)
    }
}

/// Where a label sits relative to its node, in order of preference: under the node reads
/// best, as on the canvas, then above, then beside, then at the corners.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Centred under the node.
    Below,
    /// Centred over the node.
    Above,
    /// To the right, starting at the node.
    Right,
    /// To the left, ending at the node.
    Left,
    /// Under and to the right.
    BelowRight,
    /// Under and to the left.
    BelowLeft,
    /// Over and to the right.
    AboveRight,
    /// Over and to the left.
    AboveLeft,
}

impl Side {
    /// Every side, most preferred first.
    pub const ALL: [Side; 8] = [
        Side::Below,
        Side::Above,
        Side::Right,
        Side::Left,
        Side::BelowRight,
        Side::BelowLeft,
        Side::AboveRight,
        Side::AboveLeft,
    ];

    /// How the label's lines line up: -1 left-aligned, 0 centred, 1 right-aligned.
    pub fn alignment(self) -> i8 {
        match self {
            Side::Below | Side::Above => 0,
            Side::Right | Side::BelowRight | Side::AboveRight => -1,
            Side::Left | Side::BelowLeft | Side::AboveLeft => 1,
        }
    }
}

/// The box a label of `size` takes on `side` of a node at `center`, keeping `clearance`
/// between the node's centre and the label.
pub fn label_area(center: [f32; 2], clearance: f32, size: [f32; 2], side: Side) -> Area {
    let [x, y] = center;
    let [width, height] = size;
    // Corners sit on the diagonal, so they need less room on each axis.
    let corner = clearance * std::f32::consts::FRAC_1_SQRT_2;
    let min = match side {
        Side::Below => [x - width / 2.0, y + clearance],
        Side::Above => [x - width / 2.0, y - clearance - height],
        Side::Right => [x + clearance, y - height / 2.0],
        Side::Left => [x - clearance - width, y - height / 2.0],
        Side::BelowRight => [x + corner, y + corner],
        Side::BelowLeft => [x - corner - width, y + corner],
        Side::AboveRight => [x + corner, y - corner - height],
        Side::AboveLeft => [x - corner - width, y - corner - height],
    };
    Area { min, max: [min[0] + width, min[1] + height] }
}

/// The boxes already taken, bucketed in a grid so a look-up only visits its neighbourhood.
#[derive(Debug)]
pub struct Occupancy {
    cell_size: f32,
    cells: FxHashMap<(i32, i32), Vec<u32>>,
    areas: Vec<Area>,
    /// The cells each box is filed under, as [`Occupancy::cell_bounds`] gives them.
    bounds: Vec<[i32; 4]>,
}

impl Occupancy {
    /// An empty grid with square cells of `cell_size` (about a few label heights works best).
    pub fn new(cell_size: f32) -> Self {
        Self { cell_size: cell_size.max(1.0), cells: FxHashMap::default(), areas: Vec::new(), bounds: Vec::new() }
    }

    /// The cell of a coordinate. Saturating casts keep boxes far out (or not finite) from
    /// spanning absurd ranges.
    fn cell(&self, value: f32) -> i32 {
        (value / self.cell_size).floor().clamp(-1e6, 1e6) as i32
    }

    /// The cells `area` is filed under: first and last column and row, a box at most 65
    /// cells wide and high.
    fn cell_bounds(&self, area: &Area) -> [i32; 4] {
        let (x0, y0) = (self.cell(area.min[0]), self.cell(area.min[1]));
        let (x1, y1) = (self.cell(area.max[0]).min(x0 + 64), self.cell(area.max[1]).min(y0 + 64));
        [x0, y0, x1, y1]
    }

    /// Marks `area` as taken.
    pub fn insert(&mut self, area: Area) {
        let index = self.areas.len() as u32;
        let [x0, y0, x1, y1] = self.cell_bounds(&area);
        self.areas.push(area);
        self.bounds.push([x0, y0, x1, y1]);
        for x in x0..=x1 {
            for y in y0..=y1 {
                self.cells.entry((x, y)).or_default().push(index);
            }
        }
    }

    /// Calls `each` with every taken box that `area`'s cells hold, once each: a box is met in
    /// every cell both are filed under, and counted only in the first of them.
    fn for_each_near(&self, area: &Area, mut each: impl FnMut(&Area) -> bool) {
        let [x0, y0, x1, y1] = self.cell_bounds(area);
        for x in x0..=x1 {
            for y in y0..=y1 {
                let Some(indices) = self.cells.get(&(x, y)) else { continue };
                for &index in indices {
                    let [near_x0, near_y0, ..] = self.bounds[index as usize];
                    if (near_x0.max(x0), near_y0.max(y0)) == (x, y) && !each(&self.areas[index as usize]) {
                        return;
                    }
                }
            }
        }
    }

    /// The total area of `area` that taken boxes cover (counting each box once).
    pub fn overlap(&self, area: &Area) -> f32 {
        let mut covered = 0.0;
        self.for_each_near(area, |near| {
            covered += near.overlap(area);
            true
        });
        covered
    }

    /// Whether nothing taken touches `area`; stops at the first box that does.
    pub fn is_free(&self, area: &Area) -> bool {
        let mut free = true;
        self.for_each_near(area, |near| {
            free = near.overlap(area) == 0.0;
            free
        });
        free
    }
}

/// One label's chosen place.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    /// The side of its node.
    pub side: Side,
    /// The box it takes.
    pub area: Area,
    /// How much of it covers boxes taken before it (zero when it found a free side).
    pub covered: f32,
}

/// The best place for a label of `size` by a node at `center`: the first side (in
/// [`Side::ALL`] order) where the label, grown by `gap`, covers nothing taken and stays inside
/// `frame`; failing that, the side that covers least. Every side keeps `clearance` from the
/// centre, so the label always touches its node. The caller marks the chosen box as taken,
/// or leaves the label out.
pub fn place_label(
    occupancy: &Occupancy,
    center: [f32; 2],
    clearance: f32,
    size: [f32; 2],
    gap: f32,
    frame: Option<&Area>,
) -> Placement {
    if let Some(placement) = free_side(occupancy, center, clearance, size, gap, frame) {
        return placement;
    }
    let candidate = |side: Side| {
        let area = label_area(center, clearance, size, side);
        let covered = occupancy.overlap(&area.grown(gap));
        // Leaving the frame is worse than covering another label: it is cut off.
        let cost = covered + frame.map_or(0.0, |frame| 4.0 * area.outside(frame));
        (cost, Placement { side, area, covered })
    };
    // No side is free: the one that costs least, the earliest of equals.
    let first = candidate(Side::Below);
    let best = Side::ALL
        .into_iter()
        .skip(1)
        .map(candidate)
        .fold(first, |best, next| if next.0 < best.0 { next } else { best });
    best.1
}

/// The first side (in [`Side::ALL`] order) where a label of `size`, grown by `gap`, covers
/// nothing taken and stays inside `frame`: found cheaply, each look stopping at the first box
/// in the way.
fn free_side(
    occupancy: &Occupancy,
    center: [f32; 2],
    clearance: f32,
    size: [f32; 2],
    gap: f32,
    frame: Option<&Area>,
) -> Option<Placement> {
    Side::ALL.into_iter().find_map(|side| {
        let area = label_area(center, clearance, size, side);
        let inside = frame.is_none_or(|frame| area.outside(frame) == 0.0);
        (inside && occupancy.is_free(&area.grown(gap))).then_some(Placement { side, area, covered: 0.0 })
    })
}

/// What becomes of a label with no free place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Crowded {
    /// It goes where it covers least: a label the reader must see.
    CoversLeast,
    /// It is left out: one label among many that there is no room for.
    LeftOut,
}

/// [`place_label`] for a label that can be shortened: `forms` are its forms with their
/// sizes, longest first, worked out only as far as they are needed. The first form with a
/// free side wins, looked for with `gap` around it and then, closer to its neighbours, with
/// none; when no form has one, the shortest takes its least covered side. Returns the form
/// and its place; `None` when there is no form at all, or when no form has a free side and
/// `crowded` leaves such a label out.
pub fn place_label_shortening<F>(
    occupancy: &Occupancy,
    center: [f32; 2],
    clearance: f32,
    forms: impl IntoIterator<Item = (F, [f32; 2])>,
    gap: f32,
    frame: Option<&Area>,
    crowded: Crowded,
) -> Option<(F, Placement)> {
    let mut shortest = None;
    for (form, size) in forms {
        for gap in [gap, 0.0] {
            if let Some(placement) = free_side(occupancy, center, clearance, size, gap, frame) {
                return Some((form, placement));
            }
        }
        shortest = Some((form, size));
    }
    if crowded == Crowded::LeftOut {
        return None;
    }
    let (form, size) = shortest?;
    Some((form, place_label(occupancy, center, clearance, size, gap, frame)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LABEL: [f32; 2] = [40.0, 10.0];

    #[test]
    fn a_lone_label_goes_under_its_node() {
        let occupancy = Occupancy::new(32.0);
        let placement = place_label(&occupancy, [100.0, 100.0], 12.0, LABEL, 2.0, None);
        assert_eq!(placement.side, Side::Below);
        assert_eq!(placement.area, Area { min: [80.0, 112.0], max: [120.0, 122.0] });
        assert_eq!(placement.covered, 0.0);
    }

    #[test]
    fn a_label_moves_to_the_next_free_side() {
        let mut occupancy = Occupancy::new(32.0);
        // Something sits right under the node.
        occupancy.insert(Area::around([100.0, 118.0], [60.0, 14.0]));
        let placement = place_label(&occupancy, [100.0, 100.0], 12.0, LABEL, 2.0, None);
        assert_eq!(placement.side, Side::Above);
        // Above is taken too now: the third label goes beside.
        occupancy.insert(Area::around([100.0, 82.0], [60.0, 14.0]));
        let placement = place_label(&occupancy, [100.0, 100.0], 12.0, LABEL, 2.0, None);
        assert_eq!(placement.side, Side::Right);
        assert!(placement.area.min[0] >= 112.0);
    }

    #[test]
    fn with_no_free_side_the_least_covered_one_wins_and_the_label_stays_by_its_node() {
        let mut occupancy = Occupancy::new(32.0);
        // The node sits in a crowd that ends 30 units to its left.
        occupancy.insert(Area { min: [0.0, 0.0], max: [200.0, 200.0] });
        let placement = place_label(&occupancy, [30.0, 100.0], 12.0, LABEL, 0.0, None);
        // Left reaches furthest out of the crowd, and still touches the node: 22 of its 40
        // units stick out, 18 are covered.
        assert_eq!(placement.side, Side::Left);
        assert_eq!(placement.covered, 180.0);
        assert_eq!(placement.area.max[0], 30.0 - 12.0);
    }

    #[test]
    fn a_crowded_label_is_shortened_before_it_covers_anything() {
        let mut occupancy = Occupancy::new(32.0);
        // Room for 25 units to the right of the node only.
        occupancy.insert(Area { min: [0.0, 0.0], max: [88.0, 200.0] });
        occupancy.insert(Area { min: [88.0, 0.0], max: [200.0, 94.0] });
        occupancy.insert(Area { min: [88.0, 106.0], max: [200.0, 200.0] });
        occupancy.insert(Area { min: [137.0, 94.0], max: [200.0, 106.0] });
        let forms = [("long", [40.0, 10.0]), ("shorter", [30.0, 10.0]), ("shortest", [20.0, 10.0])];
        let (form, placement) =
            place_label_shortening(&occupancy, [100.0, 100.0], 12.0, forms, 1.0, None, Crowded::LeftOut)
                .expect("a place");
        assert_eq!((form, placement.side, placement.covered), ("shortest", Side::Right, 0.0));
        occupancy.insert(Area { min: [112.0, 94.0], max: [137.0, 106.0] });
        let forms = [("long", [40.0, 10.0]), ("shortest", [20.0, 10.0])];
        assert!(place_label_shortening(&occupancy, [100.0, 100.0], 12.0, forms, 1.0, None, Crowded::LeftOut).is_none());
        let (form, placement) =
            place_label_shortening(&occupancy, [100.0, 100.0], 12.0, forms, 1.0, None, Crowded::CoversLeast)
                .expect("a place");
        assert_eq!(form, "shortest");
        assert!(placement.covered > 0.0);
    }

    /// Wherever a label goes, it stays within `clearance` of its node's centre on each axis.
    #[test]
    fn every_placement_touches_its_node() {
        let mut random = crate::seeded_random::SplitMix64::new(3);
        for _ in 0..500 {
            let mut occupancy = Occupancy::new(16.0);
            for _ in 0..random.below(30) {
                let at = [random.below(200) as f32, random.below(200) as f32];
                occupancy.insert(Area::around(at, [random.below(60) as f32, random.below(20) as f32]));
            }
            let (center, clearance) = ([100.0, 100.0], 12.0);
            let placement = place_label(&occupancy, center, clearance, LABEL, 2.0, None);
            let area = placement.area;
            let away_x = (area.min[0] - center[0]).max(center[0] - area.max[0]).max(0.0);
            let away_y = (area.min[1] - center[1]).max(center[1] - area.max[1]).max(0.0);
            assert!(away_x.max(away_y) <= clearance + 1e-3, "{placement:?}");
        }
    }

    #[test]
    fn labels_stay_inside_the_frame() {
        let frame = Area { min: [0.0, 0.0], max: [300.0, 300.0] };
        let occupancy = Occupancy::new(32.0);
        // A node at the bottom edge: below would be cut off.
        let placement = place_label(&occupancy, [150.0, 295.0], 8.0, LABEL, 2.0, Some(&frame));
        assert_eq!(placement.side, Side::Above);
        assert!(placement.area.outside(&frame) == 0.0);
    }

    #[test]
    fn overlap_counts_each_box_once_however_many_cells_it_spans() {
        let mut occupancy = Occupancy::new(10.0);
        occupancy.insert(Area { min: [0.0, 0.0], max: [100.0, 100.0] });
        let probe = Area { min: [50.0, 50.0], max: [150.0, 150.0] };
        assert_eq!(occupancy.overlap(&probe), 2500.0);
        assert!(occupancy.is_free(&Area { min: [100.0, 0.0], max: [120.0, 20.0] }), "touching is free");
    }

    #[test]
    fn a_dense_cluster_gets_every_label_without_overlap_when_there_is_room() {
        // Nine nodes on a 3 × 3 grid, 60 apart: under-labels alone would collide sideways.
        let mut occupancy = Occupancy::new(32.0);
        let centers: Vec<[f32; 2]> =
            (0..9).map(|index| [100.0 + 60.0 * (index % 3) as f32, 100.0 + 60.0 * (index / 3) as f32]).collect();
        for &center in &centers {
            occupancy.insert(Area::around(center, [16.0, 16.0]));
        }
        let size = [70.0, 12.0];
        let placements: Vec<Placement> = centers
            .iter()
            .map(|&center| {
                let placement = place_label(&occupancy, center, 10.0, size, 1.0, None);
                occupancy.insert(placement.area);
                placement
            })
            .collect();
        for (index, placement) in placements.iter().enumerate() {
            assert_eq!(placement.covered, 0.0, "label {index} overlaps: {placement:?}");
            for other in &placements[index + 1..] {
                assert_eq!(placement.area.overlap(&other.area), 0.0);
            }
        }
        assert!(placements.iter().any(|placement| placement.side != Side::Below), "some had to move");
    }
}
