//! Where each link's line runs, in world units: straight between two nodes, bowed apart
//! when several links join the same pair so none hides another, and a loop for a link from
//! a node to itself. The canvas and the figure export draw the same routes.

use crate::layout::WorldPoint;
use crate::model::NodeIx;
use crate::theme::{ARROW_LENGTH, ARROW_WIDTH, PARALLEL_SPACING, SELF_LINK_RADIUS};

/// The path of one link.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LinkRoute {
    /// A quadratic Bézier curve from `from` to `to` bent towards `control`; straight when
    /// `control` lies on the line between them.
    Curve {
        /// The source node's centre.
        from: WorldPoint,
        /// The control point.
        control: WorldPoint,
        /// The target node's centre.
        to: WorldPoint,
    },
    /// A circle touching its node, for a self-link.
    Loop {
        /// The circle's centre.
        center: WorldPoint,
        /// Its radius.
        radius: f32,
    },
}

impl LinkRoute {
    /// The point at parameter `t` (0 at the source, 1 at the target; once round a loop).
    pub fn point_at(&self, t: f32) -> WorldPoint {
        match *self {
            LinkRoute::Curve { from, control, to } => {
                let u = 1.0 - t;
                let blend = |i: usize| u * u * from[i] + 2.0 * u * t * control[i] + t * t * to[i];
                [blend(0), blend(1)]
            }
            LinkRoute::Loop { center, radius } => {
                // Starts and ends at the bottom of the circle, where it touches the node.
                let angle = std::f32::consts::FRAC_PI_2 + t * std::f32::consts::TAU;
                [center[0] + radius * angle.cos(), center[1] + radius * angle.sin()]
            }
        }
    }

    /// The route as `segments` + 1 points, for drawing and hit-testing; a straight route is
    /// just its two ends, which is most links and keeps big cases cheap to draw.
    pub fn polyline(&self, segments: usize) -> Vec<WorldPoint> {
        if let LinkRoute::Curve { from, control, to } = *self
            && control == [(from[0] + to[0]) / 2.0, (from[1] + to[1]) / 2.0]
        {
            return vec![from, to];
        }
        let segments = segments.max(1);
        (0..=segments).map(|i| self.point_at(i as f32 / segments as f32)).collect()
    }

    /// A box the whole route lies in (the curve stays inside the triangle of its three
    /// points), as (low corner, high corner): the canvas skips routes whose box is off screen.
    pub fn bounds(&self) -> (WorldPoint, WorldPoint) {
        match *self {
            LinkRoute::Curve { from, control, to } => (
                [from[0].min(control[0]).min(to[0]), from[1].min(control[1]).min(to[1])],
                [from[0].max(control[0]).max(to[0]), from[1].max(control[1]).max(to[1])],
            ),
            LinkRoute::Loop { center, radius } => {
                ([center[0] - radius, center[1] - radius], [center[0] + radius, center[1] + radius])
            }
        }
    }

    /// Where the label goes: the middle of the curve, or the far side of the loop.
    pub fn label_point(&self) -> WorldPoint {
        self.point_at(0.5)
    }
}

/// The route of every link, indexed like `ends`, where `ends[i]` gives the node indices of
/// link `i`'s source and target (`None` for a link that does not resolve) and `positions`
/// the node centres.
pub fn link_routes(ends: &[Option<(NodeIx, NodeIx)>], positions: &[WorldPoint]) -> Vec<Option<LinkRoute>> {
    // Number the links of each unordered pair, so parallel links fan out symmetrically.
    let mut pair_counts: rustc_hash::FxHashMap<(NodeIx, NodeIx), (usize, usize)> = rustc_hash::FxHashMap::default();
    let pair_of = |(a, b): (NodeIx, NodeIx)| (a.min(b), a.max(b));
    for &(a, b) in ends.iter().flatten() {
        pair_counts.entry(pair_of((a, b))).or_default().1 += 1;
    }
    ends.iter()
        .map(|ends| {
            let (source, target) = (*ends)?;
            let (&from, &to) = (positions.get(source.index())?, positions.get(target.index())?);
            let count = pair_counts.entry(pair_of((source, target))).or_default();
            let (index, total) = (count.0, count.1);
            count.0 += 1;
            if source == target {
                let radius = SELF_LINK_RADIUS * (1.0 + 0.6 * index as f32);
                return Some(LinkRoute::Loop {
                    center: [from[0], from[1] - crate::theme::NODE_RADIUS - radius * 0.6],
                    radius,
                });
            }
            // The bend is measured from the pair in a fixed order, so links in opposite
            // directions bend to different sides instead of onto each other.
            let (low, high) = if source < target { (from, to) } else { (to, from) };
            let (dx, dy) = (high[0] - low[0], high[1] - low[1]);
            let length = (dx * dx + dy * dy).sqrt().max(f32::EPSILON);
            let normal = [-dy / length, dx / length];
            let offset = (index as f32 - (total as f32 - 1.0) / 2.0) * PARALLEL_SPACING;
            // A quadratic curve's middle lies halfway to its control point, so the control
            // point goes twice as far out as the bow should.
            let middle = [(from[0] + to[0]) / 2.0, (from[1] + to[1]) / 2.0];
            let control = [middle[0] + 2.0 * offset * normal[0], middle[1] + 2.0 * offset * normal[1]];
            Some(LinkRoute::Curve { from, control, to })
        })
        .collect()
}

/// The distance from `point` to the nearest point of `polyline`.
pub fn distance_to_polyline(point: WorldPoint, polyline: &[WorldPoint]) -> f32 {
    let segment_distance = |a: WorldPoint, b: WorldPoint| {
        let (abx, aby) = (b[0] - a[0], b[1] - a[1]);
        let length_squared = abx * abx + aby * aby;
        let t = if length_squared > 0.0 {
            (((point[0] - a[0]) * abx + (point[1] - a[1]) * aby) / length_squared).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let (x, y) = (a[0] + t * abx - point[0], a[1] + t * aby - point[1]);
        (x * x + y * y).sqrt()
    };
    match polyline {
        [] => f32::INFINITY,
        [only] => segment_distance(*only, *only),
        _ => polyline.windows(2).map(|w| segment_distance(w[0], w[1])).fold(f32::INFINITY, f32::min),
    }
}

/// `line` with the last `length` of it cut off, so a link stops at its target's outline and
/// the arrowhead shows. The points may be in any units (world, screen or figure).
pub fn trim_polyline_end(line: &[[f32; 2]], length: f32) -> Vec<[f32; 2]> {
    let mut line = line.to_vec();
    let mut left = length;
    while left > 0.0 && line.len() >= 2 {
        let (before, last) = (line[line.len() - 2], line[line.len() - 1]);
        let segment = ((last[0] - before[0]).powi(2) + (last[1] - before[1]).powi(2)).sqrt();
        if segment > left {
            let t = (segment - left) / segment;
            let end = line.len() - 1;
            line[end] = [before[0] + (last[0] - before[0]) * t, before[1] + (last[1] - before[1]) * t];
            break;
        }
        left -= segment;
        line.pop();
    }
    line
}

/// The three corners of the arrowhead at `tip` for a line arriving from `before`: the tip,
/// then the two back corners. `None` when the two points coincide (no direction).
pub fn arrowhead(before: [f32; 2], tip: [f32; 2]) -> Option<[[f32; 2]; 3]> {
    let (dx, dy) = (tip[0] - before[0], tip[1] - before[1]);
    let length = (dx * dx + dy * dy).sqrt();
    if !(length > 0.0 && length.is_finite()) {
        return None;
    }
    let (ux, uy) = (dx / length, dy / length);
    let back = [tip[0] - ux * ARROW_LENGTH, tip[1] - uy * ARROW_LENGTH];
    let side = [-uy * ARROW_WIDTH / 2.0, ux * ARROW_WIDTH / 2.0];
    Some([tip, [back[0] + side[0], back[1] + side[1]], [back[0] - side[0], back[1] - side[1]]])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn middle(route: &LinkRoute) -> WorldPoint {
        route.label_point()
    }

    #[test]
    fn a_single_link_is_straight() {
        let routes = link_routes(&[Some((NodeIx::new(0), NodeIx::new(1)))], &[[0.0, 0.0], [100.0, 0.0]]);
        let route = routes[0].expect("a route");
        assert_eq!(middle(&route), [50.0, 0.0]);
        assert_eq!(route.polyline(16), vec![[0.0, 0.0], [100.0, 0.0]], "a straight line needs two points");
    }

    #[test]
    fn parallel_links_never_overlap_whatever_their_direction() {
        let positions = [[0.0, 0.0], [100.0, 0.0]];
        let routes = link_routes(
            &[
                Some((NodeIx::new(0), NodeIx::new(1))),
                Some((NodeIx::new(1), NodeIx::new(0))),
                Some((NodeIx::new(0), NodeIx::new(1))),
            ],
            &positions,
        );
        let middles: Vec<WorldPoint> = routes.iter().map(|r| middle(&r.expect("a route"))).collect();
        for (i, a) in middles.iter().enumerate() {
            for b in &middles[i + 1..] {
                assert!((a[1] - b[1]).abs() >= PARALLEL_SPACING * 0.99, "{middles:?}");
            }
        }
        // Three links fan out symmetrically: one straight, one to each side.
        let mut offsets: Vec<f32> = middles.iter().map(|m| m[1]).collect();
        offsets.sort_by(f32::total_cmp);
        assert!((offsets[0] + offsets[2]).abs() < 1e-3 && offsets[1].abs() < 1e-3, "{offsets:?}");
    }

    #[test]
    fn self_links_loop_and_unresolved_links_have_no_route() {
        let routes = link_routes(
            &[
                Some((NodeIx::new(0), NodeIx::new(0))),
                Some((NodeIx::new(0), NodeIx::new(0))),
                None,
                Some((NodeIx::new(0), NodeIx::new(7))),
            ],
            &[[10.0, 10.0]],
        );
        let (Some(LinkRoute::Loop { radius: first, .. }), Some(LinkRoute::Loop { radius: second, .. })) =
            (routes[0], routes[1])
        else {
            panic!("self-links should loop: {routes:?}");
        };
        assert!(second > first);
        assert_eq!(routes[2], None);
        assert_eq!(routes[3], None);
    }

    #[test]
    fn trimming_cuts_the_given_length_off_the_end() {
        let line = [[0.0, 0.0], [10.0, 0.0], [20.0, 0.0]];
        assert_eq!(trim_polyline_end(&line, 15.0), vec![[0.0, 0.0], [5.0, 0.0]]);
        assert_eq!(trim_polyline_end(&line, 0.0), line.to_vec());
    }

    #[test]
    fn an_arrowhead_points_along_the_line_and_needs_a_direction() {
        let [tip, left, right] = arrowhead([0.0, 0.0], [20.0, 0.0]).expect("a head");
        assert_eq!(tip, [20.0, 0.0]);
        assert_eq!([left[0], right[0]], [20.0 - ARROW_LENGTH, 20.0 - ARROW_LENGTH]);
        assert_eq!(left[1] - right[1], ARROW_WIDTH);
        assert_eq!(arrowhead([5.0, 5.0], [5.0, 5.0]), None);
    }

    #[test]
    fn every_point_of_a_route_lies_in_its_bounds() {
        let routes = link_routes(
            &[
                Some((NodeIx::new(0), NodeIx::new(1))),
                Some((NodeIx::new(1), NodeIx::new(0))),
                Some((NodeIx::new(0), NodeIx::new(1))),
                Some((NodeIx::new(1), NodeIx::new(1))),
            ],
            &[[0.0, 0.0], [100.0, 40.0]],
        );
        for route in routes.into_iter().flatten() {
            let (low, high) = route.bounds();
            for [x, y] in route.polyline(32) {
                assert!(x >= low[0] - 1e-3 && x <= high[0] + 1e-3 && y >= low[1] - 1e-3 && y <= high[1] + 1e-3);
            }
        }
    }

    #[test]
    fn distance_to_a_line() {
        let line = [[0.0, 0.0], [10.0, 0.0]];
        assert_eq!(distance_to_polyline([5.0, 3.0], &line), 3.0);
        assert_eq!(distance_to_polyline([13.0, 4.0], &line), 5.0);
        assert_eq!(distance_to_polyline([1.0, 1.0], &[]), f32::INFINITY);
    }
}
