//! Undo and redo: the steps the analyst took, and which of them the file on disk holds.

/// The undo and redo stacks of one open case, generic over what a step records.
#[derive(Debug)]
pub struct History<Step> {
    done: Vec<Step>,
    undone: Vec<Step>,
    /// How many steps were done when the case was last saved or opened; `None` once that
    /// state can no longer be reached by undo or redo.
    saved_depth: Option<usize>,
    limit: usize,
}

impl<Step> History<Step> {
    /// An empty history matching the file, keeping at most `limit` steps to undo.
    pub fn new(limit: usize) -> Self {
        Self { done: Vec::new(), undone: Vec::new(), saved_depth: Some(0), limit: limit.max(1) }
    }

    /// Records a step just taken; it can be undone, and nothing is left to redo.
    pub fn push(&mut self, step: Step) {
        if self.saved_depth.is_some_and(|depth| depth > self.done.len()) {
            // The saved state was among the undone steps, which are now gone.
            self.saved_depth = None;
        }
        self.undone.clear();
        self.done.push(step);
        if self.done.len() > self.limit {
            self.done.remove(0);
            self.saved_depth = self.saved_depth.and_then(|depth| depth.checked_sub(1));
        }
    }

    /// Takes the last step off for undoing; the caller applies its reverse.
    pub fn undo(&mut self) -> Option<&Step> {
        let step = self.done.pop()?;
        self.undone.push(step);
        self.undone.last()
    }

    /// Takes the last undone step back for redoing; the caller applies it again.
    pub fn redo(&mut self) -> Option<&Step> {
        let step = self.undone.pop()?;
        self.done.push(step);
        self.done.last()
    }

    /// Takes the last step off for good, neither undone nor redoable: for folding steps just
    /// taken into one, or for dropping a step whose change was taken back.
    pub fn take_last(&mut self) -> Option<Step> {
        self.done.pop()
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// Notes that the file now holds the current state.
    pub fn mark_saved(&mut self) {
        self.saved_depth = Some(self.done.len());
    }

    /// Notes that the file no longer matches any state in the history (a failed save that
    /// may have been partly written is not this: the old file is kept whole).
    pub fn mark_unsaved(&mut self) {
        self.saved_depth = None;
    }

    /// True when the current state differs from the file.
    pub fn is_dirty(&self) -> bool {
        self.saved_depth != Some(self.done.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_and_redo_walk_the_steps_and_track_the_saved_state() {
        let mut history = History::new(10);
        assert!(!history.is_dirty() && !history.can_undo());
        history.push(1);
        history.push(2);
        assert!(history.is_dirty());
        history.mark_saved();
        assert!(!history.is_dirty());
        assert_eq!(history.undo(), Some(&2));
        assert!(history.is_dirty());
        assert_eq!(history.redo(), Some(&2));
        assert!(!history.is_dirty(), "redo back to the saved state is clean");
        assert_eq!(history.redo(), None);
    }

    #[test]
    fn a_new_step_after_undo_makes_the_saved_state_unreachable() {
        let mut history = History::new(10);
        history.push(1);
        history.push(2);
        history.mark_saved();
        history.undo();
        history.push(3);
        assert!(!history.can_redo());
        assert!(history.is_dirty());
        history.undo();
        assert!(history.is_dirty(), "one step done, like the saved state, but a different one");
    }

    #[test]
    fn the_oldest_steps_go_beyond_the_limit() {
        let mut history = History::new(2);
        for step in 1..=3 {
            history.push(step);
        }
        assert_eq!(history.undo(), Some(&3));
        assert_eq!(history.undo(), Some(&2));
        assert_eq!(history.undo(), None);
        assert!(history.is_dirty(), "the opened state can no longer be reached");
    }
}
