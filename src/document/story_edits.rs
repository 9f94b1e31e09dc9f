//! Changes to the story: adding, replacing (renaming, a new caption, updating from the view),
//! moving and deleting steps, each one undo step, each checked before it is made.

use super::{Document, Step};
use crate::model::{CaseGraph, StepIx, Story, StoryStep};

/// One change to the story.
#[derive(Clone, Debug, PartialEq)]
pub enum StoryEdit {
    /// Puts `step` at `at`, moving later steps on; `at` may be one past the last.
    Insert {
        /// Where the step goes.
        at: StepIx,
        /// The step.
        step: Box<StoryStep>,
    },
    /// Puts `step` in place of the step at `at`.
    Replace {
        /// The step changed.
        at: StepIx,
        /// What it becomes.
        step: Box<StoryStep>,
    },
    /// Takes the step at `from` out and puts it back at `to` (counted after taking it out).
    Move {
        /// The step moved.
        from: StepIx,
        /// Where it ends up.
        to: StepIx,
    },
    /// Takes the step out.
    Delete(StepIx),
}

/// Why a change to the story was refused; the story is as it was.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StoryEditError {
    /// No step has that place.
    #[error("the story has no step {0}")]
    NoSuchStep(usize),
    /// A step needs a title.
    #[error("a step needs a title")]
    NoTitle,
    /// A step names something the case does not have, or not of the right sort.
    #[error("`{id}` is not {wanted} of this case")]
    UnknownReference {
        /// The id named.
        id: String,
        /// What it must name.
        wanted: &'static str,
    },
    /// The step's period ends before it starts.
    #[error("the period ends before it starts")]
    PeriodBackwards,
}

impl Document {
    /// Makes `edit` to the story as one undo step, or leaves the story as it was and says why.
    pub fn edit_story(&mut self, edit: StoryEdit) -> Result<(), StoryEditError> {
        self.finish_drag();
        let after = story_after(&self.case.story, &self.graph, edit)?;
        if after == self.case.story {
            return Ok(());
        }
        let before = std::mem::replace(&mut self.case.story, after.clone());
        self.history.push(Step::Story { before, after });
        self.revision += 1;
        Ok(())
    }

    /// The story's steps, in order.
    pub fn story(&self) -> &[StoryStep] {
        &self.case.story.steps
    }
}

/// The story after `edit`, checked.
fn story_after(story: &Story, graph: &CaseGraph, edit: StoryEdit) -> Result<Story, StoryEditError> {
    let mut steps = story.steps.clone();
    let count = steps.len();
    let exists = |at: StepIx| if at.index() < count { Ok(()) } else { Err(StoryEditError::NoSuchStep(at.index())) };
    match edit {
        StoryEdit::Insert { at, step } => {
            if at.index() > count {
                return Err(StoryEditError::NoSuchStep(at.index()));
            }
            steps.insert(at.index(), checked(*step, graph)?);
        }
        StoryEdit::Replace { at, step } => {
            exists(at)?;
            steps[at.index()] = checked(*step, graph)?;
        }
        StoryEdit::Move { from, to } => {
            exists(from)?;
            exists(to)?;
            let step = steps.remove(from.index());
            steps.insert(to.index(), step);
        }
        StoryEdit::Delete(at) => {
            exists(at)?;
            steps.remove(at.index());
        }
    }
    Ok(Story { steps })
}

/// `step` with its title trimmed, if it is a step the file format accepts for this case.
fn checked(mut step: StoryStep, graph: &CaseGraph) -> Result<StoryStep, StoryEditError> {
    step.title = step.title.trim().to_owned();
    if step.title.is_empty() {
        return Err(StoryEditError::NoTitle);
    }
    if let Some(period) = step.period
        && period.from.is_certainly_after(&period.to)
    {
        return Err(StoryEditError::PeriodBackwards);
    }
    for (_, ids, reference) in step.reference_lists() {
        for id in ids {
            if !graph.resolve(id.as_str()).is_some_and(|item| reference.fits(item)) {
                return Err(StoryEditError::UnknownReference { id: id.to_string(), wanted: reference.wanted() });
            }
        }
    }
    Ok(step)
}
