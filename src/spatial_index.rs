//! Which points lie near a place, found through a grid of square cells: picking the node
//! under the pointer looks at a few cells instead of every node. The grid follows moving
//! points one by one (a drag moves one node a frame) and is built afresh only when most of
//! them moved (a layout step).

use rustc_hash::FxHashMap;

/// Cell coordinates: the cell's column and row.
type CellKey = (i32, i32);

/// Points bucketed by the square cell they fall in.
#[derive(Clone, Debug)]
pub struct PointGrid {
    cell_size: f32,
    cells: FxHashMap<CellKey, Vec<u32>>,
    /// The points as last indexed; a point that is not finite is in no cell.
    points: Vec<[f32; 2]>,
}

impl PointGrid {
    /// An empty grid of cells `cell_size` wide; pick a size near the usual query radius.
    pub fn new(cell_size: f32) -> Self {
        Self { cell_size: cell_size.max(f32::MIN_POSITIVE), cells: FxHashMap::default(), points: Vec::new() }
    }

    fn key(&self, point: [f32; 2]) -> Option<CellKey> {
        let finite = point[0].is_finite() && point[1].is_finite();
        // `as` saturates, so far-off points share the outermost cells instead of wrapping.
        finite.then(|| ((point[0] / self.cell_size).floor() as i32, (point[1] / self.cell_size).floor() as i32))
    }

    /// Brings the grid up to date with `points` (point `i` is index `i`), moving only the
    /// points that changed; returns how many did.
    pub fn update(&mut self, points: &[[f32; 2]]) -> usize {
        if points.len() != self.points.len() {
            self.rebuild(points);
            return points.len();
        }
        let moved: Vec<usize> = (0..points.len()).filter(|&index| points[index] != self.points[index]).collect();
        if moved.len() > points.len() / 4 {
            self.rebuild(points);
        } else {
            for &index in &moved {
                self.move_point(index, points[index]);
            }
        }
        moved.len()
    }

    fn rebuild(&mut self, points: &[[f32; 2]]) {
        self.cells.clear();
        self.points = points.to_vec();
        for (index, &point) in points.iter().enumerate() {
            if let Some(key) = self.key(point) {
                self.cells.entry(key).or_default().push(index as u32);
            }
        }
    }

    fn move_point(&mut self, index: usize, to: [f32; 2]) {
        let (from_key, to_key) = (self.key(self.points[index]), self.key(to));
        self.points[index] = to;
        if from_key == to_key {
            return;
        }
        if let Some(cell) = from_key.and_then(|key| self.cells.get_mut(&key)) {
            cell.retain(|&other| other as usize != index);
        }
        if let Some(key) = to_key {
            self.cells.entry(key).or_default().push(index as u32);
        }
    }

    /// The point nearest `at` within `radius` that `accept` lets through; of points equally
    /// near, the one with the highest index, which is drawn on top.
    pub fn nearest(&self, at: [f32; 2], radius: f32, accept: impl Fn(usize) -> bool) -> Option<usize> {
        let (Some(low), Some(high)) =
            (self.key([at[0] - radius, at[1] - radius]), self.key([at[0] + radius, at[1] + radius]))
        else {
            return None;
        };
        let radius_squared = radius * radius;
        let mut best: Option<(f32, usize)> = None;
        for column in low.0..=high.0 {
            for row in low.1..=high.1 {
                let Some(cell) = self.cells.get(&(column, row)) else { continue };
                for &index in cell {
                    let index = index as usize;
                    let point = self.points[index];
                    let (dx, dy) = (point[0] - at[0], point[1] - at[1]);
                    let distance_squared = dx * dx + dy * dy;
                    if distance_squared > radius_squared || !accept(index) {
                        continue;
                    }
                    let better = match best {
                        None => true,
                        Some((best_distance, best_index)) => {
                            distance_squared < best_distance
                                || (distance_squared == best_distance && index > best_index)
                        }
                    };
                    if better {
                        best = Some((distance_squared, index));
                    }
                }
            }
        }
        best.map(|(_, index)| index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seeded_random::SplitMix64;

    fn brute_force(points: &[[f32; 2]], at: [f32; 2], radius: f32) -> Option<usize> {
        let mut best: Option<(f32, usize)> = None;
        for (index, point) in points.iter().enumerate() {
            let distance = (point[0] - at[0]).powi(2) + (point[1] - at[1]).powi(2);
            if distance <= radius * radius && best.is_none_or(|(d, i)| distance < d || (distance == d && index > i)) {
                best = Some((distance, index));
            }
        }
        best.map(|(_, index)| index)
    }

    fn scattered(count: usize, seed: u64) -> Vec<[f32; 2]> {
        let mut random = SplitMix64::new(seed);
        (0..count)
            .map(|_| [random.unit() as f32 * 2_000.0 - 1_000.0, random.unit() as f32 * 2_000.0 - 1_000.0])
            .collect()
    }

    #[test]
    fn finds_what_looking_at_every_point_finds() {
        let points = scattered(3_000, 7);
        let mut grid = PointGrid::new(40.0);
        grid.update(&points);
        let probes = scattered(500, 8);
        for at in probes {
            for radius in [5.0, 25.0, 90.0] {
                assert_eq!(
                    grid.nearest(at, radius, |_| true),
                    brute_force(&points, at, radius),
                    "at {at:?} within {radius}"
                );
            }
        }
    }

    #[test]
    fn follows_a_moved_point_without_losing_the_others() {
        let mut points = scattered(400, 3);
        let mut grid = PointGrid::new(40.0);
        grid.update(&points);
        points[17] = [5_000.0, -5_000.0];
        assert_eq!(grid.update(&points), 1);
        assert_eq!(grid.nearest([5_001.0, -5_000.0], 5.0, |_| true), Some(17));
        let old_place = scattered(400, 3)[17];
        assert_ne!(grid.nearest(old_place, 0.5, |_| true), Some(17), "the point is still found where it was");
        for (index, &point) in points.iter().enumerate() {
            assert_eq!(grid.nearest(point, 0.0, |other| other == index), Some(index));
        }
    }

    #[test]
    fn skips_what_is_not_accepted_and_what_is_not_finite() {
        let points = [[0.0, 0.0], [1.0, 0.0], [f32::NAN, 0.0], [f32::INFINITY, f32::INFINITY]];
        let mut grid = PointGrid::new(10.0);
        grid.update(&points);
        assert_eq!(grid.nearest([0.9, 0.0], 5.0, |_| true), Some(1));
        assert_eq!(grid.nearest([0.9, 0.0], 5.0, |index| index != 1), Some(0));
        assert_eq!(grid.nearest([0.9, 0.0], 5.0, |index| index > 1), None);
        assert_eq!(grid.nearest([f32::NAN, 0.0], 5.0, |_| true), None);
    }

    #[test]
    fn of_points_at_one_place_picks_the_one_drawn_on_top() {
        let points = [[3.0, 3.0]; 5];
        let mut grid = PointGrid::new(10.0);
        grid.update(&points);
        assert_eq!(grid.nearest([3.0, 3.0], 1.0, |_| true), Some(4));
    }
}
