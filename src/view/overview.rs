//! The canvas's overview of a big case, drawn when too many nodes are on screen to draw each
//! in detail: nodes as discs in their kind's colour and links as thin lines, all in one mesh.
//! One mesh costs the painter a single shape instead of tens of thousands.

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, Pos2, Shape, vec2};

/// Triangles round a disc: enough to read as round at overview sizes.
const DISC_SEGMENTS: u32 = 10;

/// Lines and discs gathered into one mesh.
#[derive(Default)]
pub struct OverviewMesh {
    mesh: Mesh,
}

impl OverviewMesh {
    /// An empty mesh with room for `lines` line segments and `discs` discs.
    pub fn with_capacity(lines: usize, discs: usize) -> Self {
        let mut mesh = Mesh::default();
        let segments = DISC_SEGMENTS as usize;
        mesh.vertices.reserve(lines * 4 + discs * (segments + 1));
        mesh.indices.reserve(lines * 6 + discs * segments * 3);
        Self { mesh }
    }

    fn vertex(&mut self, pos: Pos2, color: Color32) -> u32 {
        let index = self.mesh.vertices.len() as u32;
        self.mesh.vertices.push(Vertex { pos, uv: WHITE_UV, color });
        index
    }

    /// A line `width` points wide through `points`, as one quad per segment.
    pub fn line(&mut self, points: &[Pos2], width: f32, color: Color32) {
        for pair in points.windows(2) {
            let (from, to) = (pair[0], pair[1]);
            let along = to - from;
            let length = along.length();
            if !length.is_finite() || length == 0.0 {
                continue;
            }
            let across = vec2(-along.y, along.x) * (width / 2.0 / length);
            let first = self.vertex(from + across, color);
            self.vertex(from - across, color);
            self.vertex(to - across, color);
            self.vertex(to + across, color);
            self.mesh.indices.extend([first, first + 1, first + 2, first, first + 2, first + 3]);
        }
    }

    /// A filled disc.
    pub fn disc(&mut self, center: Pos2, radius: f32, color: Color32) {
        if !(center.x.is_finite() && center.y.is_finite()) {
            return;
        }
        let middle = self.vertex(center, color);
        for segment in 0..DISC_SEGMENTS {
            let angle = segment as f32 * std::f32::consts::TAU / DISC_SEGMENTS as f32;
            self.vertex(center + vec2(angle.cos(), angle.sin()) * radius, color);
        }
        for segment in 0..DISC_SEGMENTS {
            let next = (segment + 1) % DISC_SEGMENTS;
            self.mesh.indices.extend([middle, middle + 1 + segment, middle + 1 + next]);
        }
    }

    /// The finished mesh as one shape.
    pub fn into_shape(self) -> Shape {
        Shape::mesh(self.mesh)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn a_line_is_a_quad_per_segment_of_its_width() {
        let mut mesh = OverviewMesh::default();
        mesh.line(&[pos2(0.0, 0.0), pos2(10.0, 0.0), pos2(10.0, 10.0)], 2.0, Color32::RED);
        let Shape::Mesh(mesh) = mesh.into_shape() else { panic!("not a mesh") };
        assert_eq!(mesh.vertices.len(), 8);
        assert_eq!(mesh.indices.len(), 12);
        let ys: Vec<f32> = mesh.vertices[..4].iter().map(|v| v.pos.y).collect();
        assert_eq!(ys, [1.0, -1.0, -1.0, 1.0]);
    }

    #[test]
    fn a_disc_reaches_its_radius_and_degenerate_input_adds_nothing() {
        let mut mesh = OverviewMesh::default();
        mesh.disc(pos2(5.0, 5.0), 3.0, Color32::BLUE);
        mesh.disc(pos2(f32::NAN, 5.0), 3.0, Color32::BLUE);
        mesh.line(&[pos2(1.0, 1.0), pos2(1.0, 1.0)], 1.0, Color32::BLUE);
        let Shape::Mesh(mesh) = mesh.into_shape() else { panic!("not a mesh") };
        assert_eq!(mesh.vertices.len(), 1 + DISC_SEGMENTS as usize);
        for vertex in &mesh.vertices[1..] {
            assert!((vertex.pos.distance(pos2(5.0, 5.0)) - 3.0).abs() < 1e-4);
        }
        assert!(mesh.is_valid());
    }
}
