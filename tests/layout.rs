//! The layout: deterministic, pinned nodes stay, no NaN, and it comes to rest.

use casegraph::layout::{ForceLayout, LayoutEngine, LayoutSettings, LiveLayout, initial_positions, measure};
use casegraph::model::{Case, CaseGraph, LinkIx, NodeIx, Position};
use casegraph::sample::load_sample;
use casegraph::synthetic::generate_case;

fn sample() -> Case {
    load_sample().case.expect("sample")
}

fn layout_of(case: &Case) -> ForceLayout {
    ForceLayout::new(case, &CaseGraph::new(case), LayoutSettings::default())
}

fn layout_with(case: &Case, engine: LayoutEngine) -> ForceLayout {
    ForceLayout::new(case, &CaseGraph::new(case), LayoutSettings { engine, ..LayoutSettings::default() })
}

fn all_finite(layout: &ForceLayout) -> bool {
    layout.positions().iter().all(|p| p[0].is_finite() && p[1].is_finite())
}

#[test]
fn the_same_seed_gives_the_same_layout() {
    let case = sample();
    let mut first = layout_of(&case);
    let mut second = layout_of(&case);
    for _ in 0..60 {
        first.step();
        second.step();
    }
    assert_eq!(first.positions(), second.positions());
    let mut reseeded = case.clone();
    reseeded.layout.seed += 1;
    assert_ne!(layout_of(&reseeded).positions(), layout_of(&case).positions());
}

#[test]
fn saved_positions_are_the_start_and_the_rest_start_near_their_neighbours() {
    let case =
        casegraph::model::load_case_file(std::path::Path::new("sample_cases/minimal.case.json")).case.expect("minimal");
    let layout = layout_of(&case);
    assert_eq!(layout.positions()[0], [0.0, 0.0]);
    assert_eq!(layout.positions()[1], [160.0, 0.0]);
    assert!(layout.is_pinned(0) && !layout.is_pinned(1));

    let mut case = sample();
    let graph = CaseGraph::new(&case);
    let michurin = graph.node_index("p-igor-michurin").expect("Michurin");
    case.layout.positions.insert(case.nodes[michurin].id.clone(), Position { x: 1000.0, y: -500.0, pinned: false });
    let (positions, _) = initial_positions(&case, &graph, 120.0);
    assert_eq!(positions[michurin.index()], [1000.0, -500.0]);
    let ardis = graph.node_index("c-ardis-bearings").expect("Ardis");
    let distance =
        ((positions[ardis.index()][0] - 1000.0).powi(2) + (positions[ardis.index()][1] + 500.0).powi(2)).sqrt();
    assert!((60.0..=120.0).contains(&distance), "Ardis-Bearings starts {distance} from Michurin");
}

#[test]
fn a_case_saved_with_every_position_opens_at_rest_exactly_as_saved() {
    let mut settled = layout_of(&sample());
    settled.run_until_settled();
    let mut case = sample();
    for (node, [x, y]) in case.nodes.iter().zip(settled.positions()) {
        case.layout.positions.insert(node.id.clone(), Position { x: f64::from(*x), y: f64::from(*y), pinned: false });
    }
    let mut reopened = layout_of(&case);
    assert!(reopened.is_settled());
    assert!(reopened.step().settled, "stepping a case at rest moved it");
    assert_eq!(reopened.positions(), settled.positions());
}

#[test]
fn pinned_nodes_never_move() {
    let case = sample();
    let mut layout = layout_of(&case);
    layout.place_and_pin(0, [-300.0, 250.0]);
    layout.place_and_pin(5, [400.0, 400.0]);
    let steps = layout.run_until_settled();
    assert!(steps > 1);
    assert_eq!(layout.positions()[0], [-300.0, 250.0]);
    assert_eq!(layout.positions()[5], [400.0, 400.0]);
    layout.set_all_pinned(true);
    let frozen = layout.positions().to_vec();
    layout.restart();
    layout.run_until_settled();
    assert_eq!(layout.positions(), frozen.as_slice());
}

#[test]
fn a_thousand_nodes_at_one_point_spread_out_without_nan_whatever_the_force() {
    let mut case = generate_case(1000, 3);
    for position in case.layout.positions.values_mut() {
        *position = Position { x: 0.0, y: 0.0, pinned: false };
    }
    for engine in [LayoutEngine::FdgSim, LayoutEngine::BarnesHut] {
        let mut layout = layout_with(&case, engine);
        for _ in 0..15 {
            layout.step();
            assert!(all_finite(&layout), "{engine:?}");
        }
        let mut distinct = layout.positions().iter().map(|p| (p[0].to_bits(), p[1].to_bits())).collect::<Vec<_>>();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), 1000, "{engine:?}: every node has its own place");
    }
}

#[test]
fn the_app_chooses_the_reference_force_for_small_cases_and_barnes_hut_for_big_ones() {
    assert_eq!(layout_of(&sample()).engine(), LayoutEngine::FdgSim);
    assert_eq!(layout_of(&generate_case(1000, 1)).engine(), LayoutEngine::BarnesHut);
}

#[test]
fn barnes_hut_lays_a_case_out_as_well_as_the_reference_force_and_as_repeatably() {
    let mut case = generate_case(400, 8);
    case.layout.positions.retain(|_, position| position.pinned);
    let pinned: Vec<usize> = case
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, node)| case.layout.positions.contains_key(&node.id))
        .map(|(index, _)| index)
        .collect();
    assert!(!pinned.is_empty());
    let settle = |engine| {
        let mut layout = layout_with(&case, engine);
        layout.run_until_settled();
        assert!(all_finite(&layout));
        layout
    };
    let reference = settle(LayoutEngine::FdgSim);
    let fast = settle(LayoutEngine::BarnesHut);
    let quality = |layout: &ForceLayout| measure(layout.positions(), layout.linked_pairs(), 32.0);
    let (reference_quality, fast_quality) = (quality(&reference), quality(&fast));
    assert!(
        fast_quality.edge_length_spread <= reference_quality.edge_length_spread * 1.05,
        "{fast_quality:?} against {reference_quality:?}"
    );
    assert!(
        fast_quality.overlapping_pairs <= reference_quality.overlapping_pairs,
        "{fast_quality:?} against {reference_quality:?}"
    );
    for &node in &pinned {
        assert_eq!(fast.positions()[node], reference.positions()[node], "pinned node {node} moved");
    }
    assert_eq!(settle(LayoutEngine::BarnesHut).positions(), fast.positions(), "two runs differ");
}

#[test]
fn empty_and_one_node_cases_work() {
    let mut empty = layout_of(&Case::default());
    assert!(empty.is_settled());
    assert_eq!(empty.run_until_settled(), 0);
    let mut one = sample();
    one.nodes.truncate(1);
    one.links.clear();
    let mut layout = layout_of(&one);
    layout.run_until_settled();
    assert!(layout.is_settled() && all_finite(&layout));
}

#[test]
fn the_sample_comes_to_rest_and_then_stays_still() {
    let case = sample();
    let mut layout = layout_of(&case);
    let settings = LayoutSettings::default();
    let steps = layout.run_until_settled();
    assert!(steps < settings.max_steps, "settled by the stop rule, not the step cap ({steps} steps)");
    let rested = layout.positions().to_vec();
    let outcome = layout.step();
    assert!(outcome.settled && outcome.max_movement == 0.0);
    assert_eq!(layout.positions(), rested.as_slice());
    assert!(all_finite(&layout));

    let graph = CaseGraph::new(&case);
    let lengths: Vec<f32> = LinkIx::all(case.links.len())
        .filter_map(|link| graph.link_ends(link))
        .filter(|(a, b)| a != b)
        .map(|(a, b)| {
            let (p, q) = (layout.positions()[a.index()], layout.positions()[b.index()]);
            ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2)).sqrt()
        })
        .collect();
    let mean = lengths.iter().sum::<f32>() / lengths.len() as f32;
    assert!(
        (0.3 * settings.edge_length..3.0 * settings.edge_length).contains(&mean),
        "linked nodes settle at a readable distance, not {mean}"
    );
}

#[test]
fn dragging_wakes_a_settled_layout_and_the_dragged_node_stays_pinned() {
    let case = sample();
    let mut layout = layout_of(&case);
    layout.run_until_settled();
    layout.place_and_pin(3, [10.0, 20.0]);
    assert!(!layout.is_settled());
    layout.run_until_settled();
    assert_eq!(layout.positions()[3], [10.0, 20.0]);
    assert!(layout.is_pinned(3));
    layout.set_pinned(3, false);
    assert!(!layout.is_pinned(3) && !layout.is_settled());
}

/// A 400-node case with no saved positions, so its layout has work to do.
fn unplaced_case() -> Case {
    casegraph::synthetic::generate(&casegraph::synthetic::SyntheticShape {
        nodes: 400,
        links_per_node: 2.0,
        placed: 0.0,
        seed: 5,
        dated: false,
    })
}

#[test]
fn a_layout_on_its_own_thread_ends_exactly_where_stepping_in_frames_ends() {
    let case = unplaced_case();
    let mut in_frames = layout_of(&case);
    in_frames.run_until_settled();
    let mut threaded = LiveLayout::on_own_thread(layout_of(&case));
    assert!(threaded.is_on_own_thread());
    assert!(!threaded.is_settled());
    let revision = threaded.revision();
    threaded.run_until_settled();
    assert!(threaded.revision() > revision, "taking the thread's steps changes the revision");
    assert_eq!(threaded.positions(), in_frames.positions());
}

#[test]
fn a_drag_shows_at_once_and_the_thread_keeps_the_node_where_it_was_put() {
    let case = unplaced_case();
    let mut threaded = LiveLayout::on_own_thread(layout_of(&case));
    // While the thread is still busy, the window's copy moves at once.
    threaded.place_and_pin(NodeIx::new(7), [5_000.0, -40.0]);
    assert_eq!(threaded.positions()[7], [5_000.0, -40.0]);
    assert!(threaded.is_pinned(NodeIx::new(7)));
    assert!(!threaded.is_settled(), "not at rest until the thread has seen the drag");
    threaded.run_until_settled();
    assert_eq!(threaded.positions()[7], [5_000.0, -40.0]);
    assert!(threaded.is_pinned(NodeIx::new(7)));
    assert!(threaded.positions().iter().flatten().all(|c| c.is_finite()));

    // Undo to a state at rest: it stays still, and the thread agrees.
    let before: Vec<_> = threaded.positions().to_vec();
    threaded.restore(&[(NodeIx::new(7), [1.0, 2.0], false)], true);
    threaded.run_until_settled();
    assert_eq!(threaded.positions()[7], [1.0, 2.0]);
    assert!(!threaded.is_pinned(NodeIx::new(7)));
    let others_moved = (0..400).filter(|&node| node != 7 && threaded.positions()[node] != before[node]).count();
    assert_eq!(others_moved, 0, "a restore at rest moves nothing else");
}

#[test]
fn a_hubs_neighbours_start_around_it_with_room_not_in_a_knot() {
    let mut case = generate_case(501, 4);
    case.layout.positions.clear();
    let hub = case.nodes[0].id.clone();
    case.links.truncate(500);
    for (link, leaf) in case.links.iter_mut().zip(&case.nodes[1..]) {
        link.source = hub.clone();
        link.target = leaf.id.clone();
    }
    let graph = CaseGraph::new(&case);
    let (positions, _) = initial_positions(&case, &graph, 120.0);
    let quality = measure(&positions, &[], 32.0);
    assert_eq!(quality.overlapping_pairs, 0, "leaves start on top of each other");
    let farthest = positions.iter().map(|p| (p[0] - positions[0][0]).hypot(p[1] - positions[0][1])).fold(0.0, f32::max);
    assert!(farthest < 120.0 * 15.0, "the leaves reach {farthest} out: too far for 500 nodes");
}

#[test]
fn an_unplaced_group_starts_outside_the_placed_nodes_not_on_them() {
    let mut case = generate_case(300, 5);
    let graph = CaseGraph::new(&case);
    let lone: Vec<NodeIx> = NodeIx::all(case.nodes.len()).filter(|&node| graph.degree(node) == 0).collect();
    assert!(lone.len() > 5, "the generator makes isolated nodes");
    for &node in &lone {
        case.layout.positions.shift_remove(&case.nodes[node].id);
    }
    let (positions, _) = initial_positions(&case, &graph, 120.0);
    let placed: Vec<[f32; 2]> =
        NodeIx::all(case.nodes.len()).filter(|n| !lone.contains(n)).map(|n| positions[n.index()]).collect();
    let centre = [
        placed.iter().map(|p| p[0]).sum::<f32>() / placed.len() as f32,
        placed.iter().map(|p| p[1]).sum::<f32>() / placed.len() as f32,
    ];
    let reach = |p: [f32; 2]| (p[0] - centre[0]).hypot(p[1] - centre[1]);
    let placed_reach = placed.iter().map(|&p| reach(p)).fold(0.0, f32::max);
    for &node in &lone {
        assert!(reach(positions[node.index()]) > placed_reach, "node {node} starts among the placed nodes");
    }
    assert!(measure(&positions, &[], 32.0).overlapping_pairs <= measure(&placed, &[], 32.0).overlapping_pairs);
}

/// A case of `nodes` nodes with no saved positions, some of them unlinked.
fn case_from_scratch(nodes: usize) -> Case {
    casegraph::synthetic::generate(&casegraph::synthetic::SyntheticShape {
        nodes,
        links_per_node: 2.0,
        placed: 0.0,
        seed: 9,
        dated: false,
    })
}

#[test]
fn a_big_case_from_scratch_rests_in_a_few_dozen_steps_with_its_unlinked_nodes_in_a_block_beside_it() {
    let case = case_from_scratch(2000);
    let graph = CaseGraph::new(&case);
    let unlinked: Vec<usize> =
        NodeIx::all(case.nodes.len()).filter(|&node| graph.degree(node) == 0).map(NodeIx::index).collect();
    assert!(unlinked.len() > 20, "the generator makes unlinked nodes");
    let mut layout = layout_of(&case);
    let start: Vec<[f32; 2]> = layout.positions().to_vec();
    let steps = layout.run_until_settled();
    assert!(steps < 120, "{steps} steps to rest after the multilevel start");
    assert!(all_finite(&layout));
    let linked_right_edge = (0..case.nodes.len())
        .filter(|node| !unlinked.contains(node))
        .map(|node| layout.positions()[node][0])
        .fold(f32::MIN, f32::max);
    for &node in &unlinked {
        assert_eq!(layout.positions()[node], start[node], "unlinked node {node} drifted");
        assert!(layout.positions()[node][0] > linked_right_edge, "unlinked node {node} is not beside the case");
    }
    let quality = measure(layout.positions(), layout.linked_pairs(), 32.0);
    assert_eq!(quality.overlapping_pairs, 0, "{quality:?}");
    let again = {
        let mut layout = layout_of(&case);
        layout.run_until_settled();
        layout.positions().to_vec()
    };
    assert_eq!(again, layout.positions(), "the same case and seed, the same bits");
}

#[test]
fn an_unlinked_node_given_a_link_joins_the_layout() {
    let case = case_from_scratch(600);
    let graph = CaseGraph::new(&case);
    let lone = NodeIx::all(case.nodes.len()).find(|&node| graph.degree(node) == 0).expect("an unlinked node").index();
    let mut layout = layout_of(&case);
    layout.run_until_settled();
    let before = layout.positions()[lone];
    let partner = (0..case.nodes.len()).find(|&node| node != lone && graph.degree(NodeIx::new(node)) > 0).unwrap_or(0);
    layout.add_pair(lone, partner);
    layout.run_until_settled();
    let (after, beside) = (layout.positions()[lone], layout.positions()[partner]);
    let distance = |a: [f32; 2], b: [f32; 2]| (a[0] - b[0]).hypot(a[1] - b[1]);
    assert!(distance(after, beside) < distance(before, beside), "{before:?} → {after:?}, partner at {beside:?}");
}
