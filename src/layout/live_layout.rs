//! The layout of the open case. A big case's layout runs on a thread of its own, so the
//! window never waits for a step: the thread publishes each step's positions into a shared
//! slot, and the window takes the newest when it draws. The window's changes (a drag, a pin,
//! an undo) show at once in the window's copy and reach the thread as messages, applied
//! before its next step. A small case steps in the window's own frames, where a step costs
//! less than handing it over would.

use crate::model::NodeIx;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::{Arc, Mutex, PoisonError};

use super::WorldPoint;
use super::simulation::{BARNES_HUT_FROM_NODES, ForceLayout};

/// From this many nodes on, the layout runs on its own thread.
pub const OWN_THREAD_FROM_NODES: usize = BARNES_HUT_FROM_NODES;

/// A change the window makes to the arrangement.
#[derive(Clone, Debug, PartialEq)]
enum Change {
    PlaceAndPin { node: usize, at: WorldPoint },
    SetPinned { node: usize, pinned: bool },
    Restore { placements: Vec<(usize, WorldPoint, bool)>, at_rest: bool },
    Restart,
    AddNode { name: String, at: WorldPoint, relax: bool },
    AddPair { a: usize, b: usize },
}

impl Change {
    fn apply_to(&self, layout: &mut ForceLayout) {
        match self {
            Change::PlaceAndPin { node, at } => layout.place_and_pin(*node, *at),
            Change::SetPinned { node, pinned } => layout.set_pinned(*node, *pinned),
            Change::Restore { placements, at_rest } => layout.restore(placements, *at_rest),
            Change::Restart => layout.restart(),
            Change::AddNode { name, at, relax } => layout.add_node(name, *at, *relax),
            Change::AddPair { a, b } => layout.add_pair(*a, *b),
        }
    }

    /// The same change on the window's copy, which does not step: it only moves and pins.
    fn apply_to_copy(&self, copy: &mut Snapshot) {
        match self {
            Change::PlaceAndPin { node, at } => {
                if *node < copy.positions.len() && at.iter().all(|c| c.is_finite()) {
                    copy.positions[*node] = *at;
                    copy.pinned[*node] = true;
                    copy.settled = false;
                }
            }
            Change::SetPinned { node, pinned } => {
                if let Some(flag) = copy.pinned.get_mut(*node) {
                    *flag = *pinned;
                    copy.settled &= *pinned;
                }
            }
            Change::Restore { placements, at_rest } => {
                for &(node, at, pinned) in placements {
                    if node < copy.positions.len() && at.iter().all(|c| c.is_finite()) {
                        copy.positions[node] = at;
                        copy.pinned[node] = pinned;
                    }
                }
                copy.settled = *at_rest;
            }
            Change::Restart => copy.settled = copy.positions.is_empty(),
            Change::AddNode { at, relax, .. } => {
                if at.iter().all(|c| c.is_finite()) {
                    copy.positions.push(*at);
                    copy.pinned.push(false);
                    copy.settled &= !*relax;
                }
            }
            Change::AddPair { .. } => {}
        }
    }
}

/// The arrangement as one side sees it.
#[derive(Clone, Debug, Default)]
struct Snapshot {
    positions: Vec<WorldPoint>,
    pinned: Vec<bool>,
    settled: bool,
    /// The number of changes applied to it.
    changes_applied: u64,
}

impl Snapshot {
    fn of(layout: &ForceLayout, changes_applied: u64) -> Self {
        Self {
            positions: layout.positions().to_vec(),
            pinned: layout.pinned().to_vec(),
            settled: layout.is_settled(),
            changes_applied,
        }
    }
}

/// The layout of the open case, stepped in the window's frames or on its own thread.
pub struct LiveLayout {
    runner: Runner,
    /// Changes whenever any position does.
    revision: u64,
}

enum Runner {
    InFrames(Box<ForceLayout>),
    OwnThread(Threaded),
}

/// The window's side of a layout running on its own thread.
struct Threaded {
    copy: Snapshot,
    /// Changes sent and not yet seen applied in a published step, numbered from 1.
    pending: Vec<(u64, Change)>,
    changes_sent: u64,
    to_thread: Sender<(u64, Change)>,
    /// The newest published step, until the window takes it.
    published: Arc<Mutex<Option<Snapshot>>>,
}

impl LiveLayout {
    /// Runs `layout` on its own thread when the case has [`OWN_THREAD_FROM_NODES`] nodes or
    /// more, else in the window's frames.
    pub fn new(layout: ForceLayout) -> Self {
        if layout.positions().len() >= OWN_THREAD_FROM_NODES {
            Self::on_own_thread(layout)
        } else {
            Self::in_frames(layout)
        }
    }

    /// Steps `layout` only when [`LiveLayout::advance`] is called.
    pub fn in_frames(layout: ForceLayout) -> Self {
        Self { runner: Runner::InFrames(Box::new(layout)), revision: 0 }
    }

    /// Steps `layout` on a thread of its own; in the window's frames if no thread can be had.
    pub fn on_own_thread(layout: ForceLayout) -> Self {
        let (to_thread, from_window) = mpsc::channel();
        let published = Arc::new(Mutex::new(None));
        let slot = Arc::clone(&published);
        // The layout goes over only once the thread runs, so it is never lost with a thread
        // that could not start.
        let (hand_over, take_over) = mpsc::channel::<ForceLayout>();
        let spawned = std::thread::Builder::new().name("layout".into()).spawn(move || {
            if let Ok(layout) = take_over.recv() {
                run_layout(layout, &from_window, &slot);
            }
        });
        if spawned.is_err() {
            return Self::in_frames(layout);
        }
        let copy = Snapshot::of(&layout, 0);
        match hand_over.send(layout) {
            Ok(()) => Self {
                runner: Runner::OwnThread(Threaded {
                    copy,
                    pending: Vec::new(),
                    changes_sent: 0,
                    to_thread,
                    published,
                }),
                revision: 0,
            },
            Err(returned) => Self::in_frames(returned.0),
        }
    }

    /// Takes `layout` in place of the current one (the case's nodes or links changed); the
    /// revision goes on counting, so what the window keeps of the old positions is renewed.
    pub fn replace(&mut self, layout: ForceLayout) {
        let revision = self.revision + 1;
        *self = Self::new(layout);
        self.revision = revision;
    }

    /// Whether the layout runs on its own thread.
    pub fn is_on_own_thread(&self) -> bool {
        matches!(self.runner, Runner::OwnThread(_))
    }

    /// Positions now, indexed like `case.nodes`.
    pub fn positions(&self) -> &[WorldPoint] {
        match &self.runner {
            Runner::InFrames(layout) => layout.positions(),
            Runner::OwnThread(threaded) => &threaded.copy.positions,
        }
    }

    /// Pin flags, indexed like `case.nodes`.
    pub fn pinned(&self) -> &[bool] {
        match &self.runner {
            Runner::InFrames(layout) => layout.pinned(),
            Runner::OwnThread(threaded) => &threaded.copy.pinned,
        }
    }

    /// Whether node `node` is pinned.
    pub fn is_pinned(&self, node: NodeIx) -> bool {
        self.pinned().get(node.index()).copied().unwrap_or(false)
    }

    /// Where node `node` is now.
    pub fn position(&self, node: NodeIx) -> WorldPoint {
        self.positions()[node.index()]
    }

    /// True once the layout has come to rest with every change made to it.
    pub fn is_settled(&self) -> bool {
        match &self.runner {
            Runner::InFrames(layout) => layout.is_settled(),
            Runner::OwnThread(threaded) => threaded.copy.settled && threaded.pending.is_empty(),
        }
    }

    /// A number that changes whenever any position does, so what is worked out from the
    /// positions can be kept until then.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Brings the positions up to date: in the window's frames, up to `max_steps` steps; on
    /// its own thread, the newest step it has published. True if anything moved.
    pub fn advance(&mut self, max_steps: usize) -> bool {
        let moved = match &mut self.runner {
            Runner::InFrames(layout) => {
                let mut moved = false;
                for _ in 0..max_steps {
                    if layout.is_settled() {
                        break;
                    }
                    moved = true;
                    layout.step();
                }
                moved
            }
            Runner::OwnThread(threaded) => threaded.take_published(),
        };
        if moved {
            self.revision += 1;
        }
        moved
    }

    /// Steps (or waits for the thread) until the layout is at rest.
    pub fn run_until_settled(&mut self) {
        while !self.is_settled() {
            if !self.advance(usize::MAX) && self.is_on_own_thread() {
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
        }
    }

    fn change(&mut self, change: Change) {
        self.revision += 1;
        match &mut self.runner {
            Runner::InFrames(layout) => change.apply_to(layout),
            Runner::OwnThread(threaded) => threaded.send(change),
        }
    }

    /// Places `node` at `at` and pins it (a drag); the others relax around it.
    pub fn place_and_pin(&mut self, node: NodeIx, at: WorldPoint) {
        self.change(Change::PlaceAndPin { node: node.index(), at });
    }

    /// Pins or unpins `node`; unpinning lets it move again.
    pub fn set_pinned(&mut self, node: NodeIx, pinned: bool) {
        self.change(Change::SetPinned { node: node.index(), pinned });
    }

    /// Puts nodes back as an earlier state had them (see [`ForceLayout::restore`]).
    pub fn restore(&mut self, placements: &[(NodeIx, WorldPoint, bool)], at_rest: bool) {
        let placements = placements.iter().map(|&(node, at, pinned)| (node.index(), at, pinned)).collect();
        self.change(Change::Restore { placements, at_rest });
    }

    /// Runs the layout again from where the nodes are: unpinned nodes move, pinned ones stay.
    pub fn restart(&mut self) {
        self.change(Change::Restart);
    }

    /// Takes in a node just added at the end of the case (`name` is its id): at `at`, or,
    /// without a place, right of everything, from where the layout settles it.
    pub fn add_node(&mut self, name: &str, at: Option<WorldPoint>, edge_length: f32) {
        let relax = at.is_none();
        let at = at.unwrap_or_else(|| beside_everything(self.positions(), edge_length));
        self.change(Change::AddNode { name: name.to_owned(), at, relax });
    }

    /// Takes in a link just added between nodes `a` and `b`.
    pub fn add_pair(&mut self, a: NodeIx, b: NodeIx) {
        self.change(Change::AddPair { a: a.index(), b: b.index() });
    }
}

impl Threaded {
    fn send(&mut self, change: Change) {
        change.apply_to_copy(&mut self.copy);
        self.changes_sent += 1;
        // If the thread has gone, the copy is all there is; it keeps the change.
        if self.to_thread.send((self.changes_sent, change.clone())).is_ok() {
            self.pending.push((self.changes_sent, change));
        }
    }

    /// Takes the newest published step, if there is one, and lays over it the changes the
    /// thread had not yet seen. True if there was one.
    fn take_published(&mut self) -> bool {
        let newest = self.published.lock().unwrap_or_else(PoisonError::into_inner).take();
        let Some(published) = newest else { return false };
        self.pending.retain(|(number, _)| *number > published.changes_applied);
        self.copy = published;
        for (_, change) in &self.pending {
            change.apply_to_copy(&mut self.copy);
        }
        true
    }
}

/// The layout thread: applies the window's changes, steps, publishes; sleeps while at rest
/// until a change wakes it; ends when the window drops its side.
/// A free place for a new node: one link length right of the rightmost node, at mid height.
fn beside_everything(positions: &[WorldPoint], edge_length: f32) -> WorldPoint {
    let Some(first) = positions.first() else { return [0.0, 0.0] };
    let (mut right, mut top, mut bottom) = (first[0], first[1], first[1]);
    for &[x, y] in positions {
        right = right.max(x);
        top = top.min(y);
        bottom = bottom.max(y);
    }
    [right + edge_length, (top + bottom) / 2.0]
}

fn run_layout(mut layout: ForceLayout, from_window: &Receiver<(u64, Change)>, published: &Mutex<Option<Snapshot>>) {
    let mut changes_applied = 0;
    loop {
        let mut changed = false;
        if layout.is_settled() {
            let Ok((number, change)) = from_window.recv() else { return };
            change.apply_to(&mut layout);
            changes_applied = number;
            changed = true;
        }
        loop {
            match from_window.try_recv() {
                Ok((number, change)) => {
                    change.apply_to(&mut layout);
                    changes_applied = number;
                    changed = true;
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => return,
            }
        }
        let stepped = !layout.is_settled();
        if stepped {
            layout.step();
        }
        if stepped || changed {
            let copy = Snapshot::of(&layout, changes_applied);
            *published.lock().unwrap_or_else(PoisonError::into_inner) = Some(copy);
        }
    }
}
